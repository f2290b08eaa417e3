-- wrk script: POST the file named by BODY (a FHIR JSON request body) on every request.
local file = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/fhir+json"
