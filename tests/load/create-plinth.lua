-- POST a plinth (the Herderplein) on every request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"name":"Herderplein","address":{"street":"Herderplein","houseNumber":12,"postcode":"3555 AB","city":"Utrecht"},
"municipalityCode":"GM0344","neighbourhoodCode":"BU03440101","dwellingsAbove":48,"plinthAreaM2":640.5,"theme":"makers",
"priorityNeighbourhood":true}]]
