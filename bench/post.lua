-- wrk script: POST the file named by BODY (a FHIR request body) on every request, as CONTENT_TYPE
-- (default application/fhir+json; the DSTU2 root takes application/json+fhir).
local file = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE") or "application/fhir+json"
