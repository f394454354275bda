-- PUT the seeded unit with If-Match: * (64 connections updating one row: every write must win, none may be lost).
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["If-Match"] = "*"
wrk.body = [[{"name":"Herderplein 12 A","category":"BED","detailCode":"ATE","areaM2":86,"marketRentCentsPerYear":120000000,
"valuationDate":"2026-03-01","valuationSource":"taxatie 2026","targetRentCentsPerYear":120000000,"status":"vacant",
"environmentalCategory":2}]]
