// The record viewer's page (docs/adr/0015-record-viewer.md). Vanilla JS, no external assets: the page
// holds no patient data until the operator's token has fetched it from /viewer/api, and the token stays
// in this tab's sessionStorage only.
"use strict";

(function () {
  const TOKEN_KEY = "gpconnect-viewer-token";
  const $ = (id) => document.getElementById(id);
  let sections = [];

  /** NHS number check (foundations.md §9.1): ten digits, the tenth the modulus-11 check digit. */
  function validNhsNumber(value) {
    if (!/^[0-9]{10}$/.test(value)) {
      return false;
    }
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      sum += Number(value[i]) * (10 - i);
    }
    let check = 11 - (sum % 11);
    if (check === 11) {
      check = 0;
    }
    return check !== 10 && check === Number(value[9]);
  }

  const PARTIAL_DATE = /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;

  function showProblem(message) {
    const problem = $("problem");
    problem.textContent = message;
    problem.hidden = !message;
  }

  function setStatus(state, text) {
    const status = $("status");
    status.dataset.state = state;
    status.textContent = text;
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  /** Calls /viewer/api with the token; throws an Error whose message the page can show. */
  async function api(path, init) {
    const request = Object.assign({ headers: {} }, init || {});
    request.headers = Object.assign({ Accept: "application/json", Authorization: "Bearer " + token() }, request.headers);
    request.cache = "no-store";
    const response = await fetch("/viewer/api/" + path, request);
    if (response.ok) {
      return response.json();
    }
    if (response.status === 401) {
      throw new Error("The token was refused (401): it is missing, expired, or not from the operators' identity provider.");
    }
    if (response.status === 403) {
      throw new Error("The token was refused (403): it does not carry the gpconnect-operator role.");
    }
    let message = "The viewer answered HTTP " + response.status + ".";
    try {
      const body = await response.json();
      if (body && body.message) {
        message = body.message;
      }
    } catch (ignored) {
      // not JSON: the status says enough
    }
    throw new Error(message);
  }

  function option(value, text) {
    const element = document.createElement("option");
    element.value = value;
    element.textContent = text;
    return element;
  }

  async function loadChoices() {
    $("query").disabled = true;
    $("token-state").textContent = "Checking the token…";
    try {
      const [practices, patients, sectionList] = await Promise.all([api("practices"), api("patients"), api("sections")]);
      $("practice").replaceChildren(...practices.map((p) => option(p.odsCode,
          p.odsCode + " (" + p.serviceRoot + ")" + (p.sharingAgreed ? "" : " – no sharing agreement for the viewer"))));
      $("patients").replaceChildren(...patients.map((p) => option(p.nhsNumber, p.label)));
      sections = sectionList;
      $("section").replaceChildren(...sections.map((s) => option(s.code, s.title + " (" + s.code + ")")));
      updatePeriod();
      $("query").disabled = practices.length === 0;
      $("token-state").textContent = practices.length === 0
          ? "No practice with an Access Record HTML service root is registered."
          : "Token accepted.";
      showProblem("");
    } catch (error) {
      $("token-state").textContent = "";
      showProblem(error.message);
    }
  }

  /** Dates only for sections that take a range (access-record-html.md §1.2). */
  function updatePeriod() {
    const section = sections.find((s) => s.code === $("section").value);
    const allowed = Boolean(section && section.dateFilter);
    $("from").disabled = !allowed;
    $("to").disabled = !allowed;
    if (!allowed) {
      $("from").value = "";
      $("to").value = "";
    }
    $("period-hint").textContent = section
        ? (allowed ? "Dates are optional." : section.title + " takes no date range.")
        : "";
  }

  function escapeHtml(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
  }

  function formatNhsNumber(value) {
    return value && value.length === 10 ? value.slice(0, 3) + " " + value.slice(3, 6) + " " + value.slice(6) : value;
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function formatDate(value) {
    const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})/.exec(value || "");
    return m ? m[3] + "-" + MONTHS[Number(m[2]) - 1] + "-" + m[1] : (value || "");
  }

  /**
   * The section as a consumer system shows it: a patient banner (access-record-html.md §3), then the
   * provider's XHTML untouched, in a sandboxed frame where no script runs, with a plain stylesheet.
   */
  function showRecord(result) {
    const frame = $("record");
    const shown = new Promise((resolve) => frame.addEventListener("load", () => {
      // as tall as the record, so the page scrolls rather than the frame (CSSOM: allowed by the page's policy)
      const document = frame.contentDocument;
      if (document && document.documentElement) {
        frame.style.height = (document.documentElement.scrollHeight + 16) + "px";
      }
      resolve();
    }, { once: true }));
    const patient = result.patient;
    const banner = patient
        ? "<div class=\"patient-banner\"><span class=\"patient-name\">" + escapeHtml(patient.name) + "</span>"
          + "<span>Born " + escapeHtml(formatDate(patient.birthDate)) + "</span>"
          + "<span>Gender " + escapeHtml(patient.gender) + "</span>"
          + "<span>NHS number " + escapeHtml(formatNhsNumber(patient.nhsNumber)) + "</span></div>"
        : "";
    frame.srcdoc = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>" + escapeHtml(result.sectionTitle) + "</title>"
        + "<link rel=\"stylesheet\" href=\"/viewer/record.css\"></head><body>"
        + banner + (result.html || "") + "</body></html>";
    return shown;
  }

  function clearRecord() {
    $("record").style.height = "";
    $("record").srcdoc = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head><body></body></html>";
  }

  async function render(event) {
    event.preventDefault();
    const nhsNumber = $("nhs-number").value.replace(/\s+/g, "");
    const from = $("from").value.trim();
    const to = $("to").value.trim();
    if (!validNhsNumber(nhsNumber)) {
      showProblem("'" + $("nhs-number").value + "' is not a valid NHS number (ten digits, the last a modulus-11 check digit).");
      return;
    }
    if ((from && !PARTIAL_DATE.test(from)) || (to && !PARTIAL_DATE.test(to))) {
      showProblem("Dates are YYYY, YYYY-MM or YYYY-MM-DD.");
      return;
    }
    showProblem("");
    clearRecord();
    setStatus("pending", "Requesting…");
    $("render").disabled = true;
    try {
      const result = await api("render", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ practice: $("practice").value, nhsNumber, section: $("section").value, from, to }),
      });
      const line = "HTTP " + result.status + " · " + result.sectionTitle + " · practice " + result.practice
          + " · Ssp-TraceID " + result.traceId;
      $("status").dataset.traceId = result.traceId;
      $("status").dataset.httpStatus = String(result.status);
      if (result.html) {
        await showRecord(result);
        setStatus("rendered", line);
      } else {
        const outcome = result.outcome || {};
        showProblem([outcome.code, outcome.display, outcome.diagnostics].filter(Boolean).join(" – ")
            || "The gateway answered without a record section.");
        setStatus("failed", line);
      }
    } catch (error) {
      showProblem(error.message);
      setStatus("failed", "");
    } finally {
      $("render").disabled = false;
    }
  }

  function useToken(event) {
    event.preventDefault();
    const value = $("token").value.trim().replace(/^Bearer\s+/i, "");
    if (!value) {
      showProblem("Paste an operator token first.");
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, value);
    $("token").value = "";
    loadChoices();
  }

  function forgetToken() {
    sessionStorage.removeItem(TOKEN_KEY);
    $("query").disabled = true;
    $("token-state").textContent = "Token forgotten.";
    clearRecord();
    setStatus("idle", "");
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("token-form").addEventListener("submit", useToken);
    $("forget-token").addEventListener("click", forgetToken);
    $("render-form").addEventListener("submit", render);
    $("section").addEventListener("change", updatePeriod);
    if (token()) {
      loadChoices();
    }
  });
})();
