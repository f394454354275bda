-- POST an atelier into the seeded plinth (PLINTH_ID) on every request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"plinthId":"]] .. os.getenv("PLINTH_ID") .. [[","name":"Herderplein 12 A","category":"BED","detailCode":"ATE",
"areaM2":85,"marketRentCentsPerYear":120000000,"valuationDate":"2026-03-01","valuationSource":"taxatie 2026",
"targetRentCentsPerYear":120000000,"status":"vacant","environmentalCategory":2}]]
