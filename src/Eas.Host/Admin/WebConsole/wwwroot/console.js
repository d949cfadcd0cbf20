// The EAS server's web console: a small page over the admin API (/admin/api). No framework and nothing from other
// sites. Every value from the server is put into the page as text (textContent), never as markup, so an account
// name or a device type holding markup is shown, not run. Changes carry the anti-forgery token.
"use strict";

const api = "/admin/api";
const app = document.getElementById("app");
const sourceNames = { builtIn: "built-in default", serviceSwitch: "service switch", service: "service defaults", domain: "domain", class: "class", account: "account", license: "license" };
const switches = ["activeSync", "email", "contacts", "pim"];
const switchNames = { activeSync: "ActiveSync", email: "Email", contacts: "Contacts", pim: "PIM (calendar, tasks)" };
let pollTimer = null;

// ---- small DOM helpers: text only ----
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function table(headers, rows) {
  return el("table", {}, el("thead", {}, el("tr", {}, headers.map(h => el("th", {}, h)))),
    el("tbody", {}, rows.length ? rows.map(cells => el("tr", {}, cells.map(c => el("td", {}, c))))
      : el("tr", {}, el("td", { colspan: headers.length, class: "muted" }, "none"))));
}

function when(value) { return value ? new Date(value).toLocaleString() : "—"; }
function onOff(value) { return el("span", { class: value ? "on" : "off" }, value ? "on" : "off"); }

function say(text, isError) {
  const message = document.getElementById("message");
  message.textContent = text;
  message.className = isError ? "error" : "";
  message.hidden = !text;
}

// ---- the admin API ----
function csrf() {
  const match = document.cookie.split("; ").find(c => c.startsWith("eas-admin-csrf="));
  return match ? decodeURIComponent(match.substring("eas-admin-csrf=".length)) : "";
}

async function call(method, path, body) {
  const headers = { "X-EAS-Console": "1", "X-EAS-CSRF": csrf() };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) { showSignIn(); throw new Error("Signed out."); }
  if (!response.ok) {
    let detail = response.statusText;
    try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch { /* not JSON */ }
    throw new Error(`${method} ${path}: ${response.status} ${detail}`);
  }
  return response.status === 204 ? null : response.json();
}

async function act(description, action) {
  try {
    await action();
    say(description);
    await route();
  } catch (error) {
    say(error.message, true);
  }
}

// ---- sign-in ----
function showSignIn() {
  stopPolling();
  document.getElementById("nav").hidden = true;
  const user = el("input", { name: "user", id: "user", autocomplete: "username", required: true });
  const password = el("input", { name: "password", id: "password", type: "password", autocomplete: "current-password", required: true });
  const form = el("form", { class: "signin", onsubmit: async event => {
    event.preventDefault();
    try {
      await call("POST", "/admin/session", { user: user.value, password: password.value });
      say("");
      location.hash = "#/overview";
      await start();
    } catch (error) { say(error.message, true); }
  } }, el("h1", {}, "Sign in"), el("label", {}, "Admin ", user), el("label", {}, "Password ", password), el("button", { type: "submit" }, "Sign in"));
  app.replaceChildren(form);
}

async function start() {
  try {
    const session = await call("GET", "/admin/session");
    document.getElementById("who").textContent = session.admin;
    document.getElementById("nav").hidden = false;
    await route();
  } catch { /* showSignIn already ran */ }
}

// ---- pages ----
const pages = { overview, directory, accounts, account, license, audit };

async function route() {
  stopPolling();
  const [, page = "overview", ...rest] = location.hash.split("/");
  for (const link of document.querySelectorAll("#nav a")) link.classList.toggle("current", link.dataset.page === (page === "account" ? "accounts" : page));
  const render = pages[page] || overview;
  try {
    app.replaceChildren(el("p", { class: "muted" }, "Loading…"));
    await render(rest.map(decodeURIComponent));
  } catch (error) {
    say(error.message, true);
  }
}

function stopPolling() { if (pollTimer) { clearInterval(pollTimer); pollTimer = null; } }

// Overview: live figures every two seconds, with the last two minutes drawn as small charts.
async function overview() {
  const history = { requests: [], parked: [], latency: [] };
  let previous = null;
  const figures = {
    requests: el("div", { class: "figure", id: "fig-requests" }, "…"),
    parked: el("div", { class: "figure", id: "fig-parked" }, "…"),
    latency: el("div", { class: "figure", id: "fig-latency" }, "…"),
    actors: el("div", { class: "figure", id: "fig-actors" }, "…"),
  };
  const charts = { requests: chart(), parked: chart(), latency: chart() };
  const nodes = el("div");
  app.replaceChildren(el("h1", {}, "Overview"),
    el("div", { class: "cards" },
      el("div", { class: "card" }, "Requests per second", figures.requests, charts.requests),
      el("div", { class: "card" }, "Parked Pings", figures.parked, charts.parked),
      el("div", { class: "card" }, "Push latency (mean, ms)", figures.latency, charts.latency),
      el("div", { class: "card" }, "Entities on this node (devices / mailboxes / accounts)", figures.actors)),
    el("h2", {}, "Cluster"), nodes);

  async function sample() {
    const [stats, cluster] = await Promise.all([call("GET", `${api}/stats`), call("GET", `${api}/cluster`)]);
    const requests = stats.commands.reduce((sum, c) => sum + c.requests, 0);
    if (previous) {
      const seconds = Math.max(0.001, (new Date(stats.at) - new Date(previous.at)) / 1000);
      push(history.requests, (requests - previous.requests) / seconds);
      const pushes = stats.push.pushes - previous.pushes;
      push(history.latency, pushes > 0 ? (stats.push.pushMillisecondsTotal - previous.pushMs) / pushes : 0);
    }
    push(history.parked, stats.push.parkedPings);
    previous = { at: stats.at, requests, pushes: stats.push.pushes, pushMs: stats.push.pushMillisecondsTotal };
    figures.requests.textContent = history.requests.length ? history.requests.at(-1).toFixed(1) : "…";
    figures.parked.textContent = String(stats.push.parkedPings);
    figures.latency.textContent = history.latency.length ? history.latency.at(-1).toFixed(0) : "…";
    figures.actors.textContent = `${stats.actors.devices} / ${stats.actors.mailboxes} / ${stats.actors.accounts}`;
    for (const name of Object.keys(charts)) draw(charts[name], history[name]);
    const byNode = cluster.entitiesByNode || {};
    nodes.replaceChildren(table(["Node", "Status", "Reachable", "Singletons", "Entities"],
      cluster.members.map(m => [m.address, m.status, m.reachable ? "yes" : "no", m.oldest ? "here" : "", String(byNode[m.address] ?? "—")])));
  }

  await sample();
  pollTimer = setInterval(() => sample().catch(error => say(error.message, true)), 2000);
}

function push(series, value) { series.push(value); if (series.length > 60) series.shift(); }

function chart() {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", "200");
  svg.setAttribute("height", "40");
  svg.setAttribute("viewBox", "0 0 200 40");
  svg.append(document.createElementNS("http://www.w3.org/2000/svg", "polyline"));
  return svg;
}

function draw(svg, series) {
  const top = Math.max(1, ...series);
  const points = series.map((v, i) => `${(i * 200 / 59).toFixed(1)},${(38 - v / top * 36).toFixed(1)}`).join(" ");
  svg.firstChild.setAttribute("points", points);
}

// Service and domains: the service switch and defaults, domains and classes with their switches.
async function directory() {
  const [service, domains, classes] = await Promise.all([call("GET", `${api}/service`), call("GET", `${api}/domains`), call("GET", `${api}/classes`)]);
  const toggle = el("button", { id: "service-toggle", class: service.enabled ? "danger" : "", onclick: () =>
    act(`ActiveSync switched ${service.enabled ? "off" : "on"} for the service.`, () => call("PUT", `${api}/service`, { enabled: !service.enabled })) },
    service.enabled ? "Switch ActiveSync off for everyone" : "Switch ActiveSync on");
  app.replaceChildren(el("h1", {}, "Service & domains"),
    el("p", {}, "ActiveSync for the service: ", onOff(service.enabled), " ", toggle),
    el("h2", {}, "Service defaults (accounts of domains that set nothing)"),
    featureForm(service.defaults, "service", settings => call("PUT", `${api}/service`, { defaults: settings })),
    el("h2", {}, "Domains"), settingsTable(domains, "domain", `${api}/domains`),
    el("h2", {}, "Classes"), settingsTable(classes, "class", `${api}/classes`));
}

function settingsTable(entries, kind, path) {
  const name = el("input", { placeholder: kind === "domain" ? "example.org" : "class name", id: `new-${kind}` });
  const rows = Object.entries(entries).map(([key, settings]) => [key,
    featureForm(settings, `${kind}-${key}`, changed => call("PUT", `${path}/${encodeURIComponent(key)}`, changed)),
    el("button", { class: "danger", onclick: () => act(`${kind} ${key} removed.`, () => call("DELETE", `${path}/${encodeURIComponent(key)}`)) }, "Remove")]);
  return el("div", {}, table([kind === "domain" ? "Domain" : "Class", "Switches (inherit, on, off)", ""], rows),
    el("form", { class: "inline", onsubmit: event => { event.preventDefault(); if (name.value.trim()) act(`${kind} ${name.value} added.`, () => call("PUT", `${path}/${encodeURIComponent(name.value.trim())}`, {})); } },
      name, el("button", { type: "submit" }, kind === "domain" ? "Add domain" : "Add class")));
}

// Four tri-state selects (inherit / on / off) and a Save button.
function featureForm(settings, id, save) {
  const selects = {};
  const form = el("form", { class: "inline", id: `form-${id}`, onsubmit: event => {
    event.preventDefault();
    const changed = {};
    for (const key of switches) changed[key] = selects[key].value === "" ? null : selects[key].value === "on";
    act("Saved.", () => save(changed));
  } });
  for (const key of switches) {
    const value = settings ? settings[key] : null;
    selects[key] = el("select", { name: key, "aria-label": switchNames[key] },
      el("option", { value: "", selected: value === null || value === undefined }, "inherit"),
      el("option", { value: "on", selected: value === true }, "on"),
      el("option", { value: "off", selected: value === false }, "off"));
    form.append(el("label", {}, `${switchNames[key]} `, selects[key]));
  }
  form.append(el("button", { type: "submit" }, "Save"));
  return form;
}

// Accounts: every account the license has seen, and any other by name.
async function accounts() {
  const [status, quarantined] = await Promise.all([call("GET", `${api}/license`), call("GET", `${api}/devices/quarantined`)]);
  const name = el("input", { id: "account-name", placeholder: "mike@ox.io" });
  const rows = [...status.holders.map(h => [accountLink(h.accountId), "holds a slot", when(h.since)]),
    ...status.turnedOff.map(t => [accountLink(t.accountId), "turned off by the license", when(t.at)])];
  app.replaceChildren(el("h1", {}, "Accounts & devices"),
    el("form", { class: "inline", onsubmit: event => { event.preventDefault(); if (name.value.trim()) location.hash = `#/account/${encodeURIComponent(name.value.trim())}`; } },
      el("label", {}, "Account ", name), el("button", { type: "submit" }, "Open")),
    el("h2", {}, "Quarantined devices, waiting for an admin"),
    table(["Account", "Device", "Type", "User-Agent", "Since"], quarantined.map(d => [accountLink(d.account ?? ""), d.deviceId, d.deviceType ?? "—", d.userAgent ?? "—", when(d.firstSeen)])),
    el("h2", {}, "Accounts that have connected"), table(["Account", "License", "Since"], rows));
}

function accountLink(id) { return el("a", { href: `#/account/${encodeURIComponent(id)}` }, id); }

async function account([id]) {
  const path = `${api}/accounts/${encodeURIComponent(id)}`;
  const [view, devices] = await Promise.all([call("GET", path), call("GET", `${path}/devices`)]);
  const own = view.settings.features || {};
  const put = changed => call("PUT", path, { class: view.settings.class ?? null, ...Object.fromEntries(switches.map(k => [k, own[k] ?? null])), ...changed });
  const activeSync = view.effective.activeSync.value;
  app.replaceChildren(el("h1", {}, "Account ", view.accountId),
    el("p", {}, "ActiveSync: ", onOff(activeSync), " ",
      el("button", { id: "account-toggle", class: activeSync ? "danger" : "", onclick: () =>
        act(`ActiveSync switched ${activeSync ? "off" : "on"} for ${view.accountId}.`, () => put({ activeSync: !activeSync })) },
        activeSync ? "Switch ActiveSync off" : "Switch ActiveSync on")),
    el("h2", {}, "Effective settings"),
    table(["Setting", "Value", "Comes from"], switches.map(k => [switchNames[k], onOff(view.effective[k].value), sourceNames[view.effective[k].source] || view.effective[k].source])),
    el("p", { class: "muted" }, `Class: ${view.settings.class ?? "none"} · license slot: ${view.holdsSlot ? "held" : "not held"} · first seen ${when(view.firstSeen)} · PIM store: ${view.pimStore}`),
    el("h2", {}, "Set on the account"), featureForm(own, "account", changed => put(changed)),
    el("h2", {}, "Devices"), deviceTable(view.accountId, path, devices));
}

function deviceTable(accountId, path, devices) {
  const rows = devices.map(d => {
    const device = `${path}/devices/${encodeURIComponent(d.deviceId)}`;
    const wipe = d.wipe ? `${d.wipe.accountOnly ? "account-only wipe" : "wipe"} ${d.wipe.state}${d.wipe.status ? ` (${d.wipe.status}, ${when(d.wipe.acknowledgedAt)})` : ""}` : "—";
    const actions = el("span", {},
      el("button", { class: "danger", "data-action": "wipe", onclick: () => confirm(`Wipe ${d.deviceId}? The phone erases itself at its next request.`) &&
        act(`Wipe of ${d.deviceId} ordered.`, () => call("POST", `${device}/wipe`, { accountOnly: false })) }, "Wipe"), " ",
      d.protocolVersion === "16.1" ? el("button", { "data-action": "account-wipe", onclick: () =>
        act(`Account-only wipe of ${d.deviceId} ordered.`, () => call("POST", `${device}/wipe`, { accountOnly: true })) }, "Wipe account only") : null, " ",
      d.wipe && d.wipe.state === "pending" ? el("button", { "data-action": "cancel-wipe", onclick: () =>
        act(`Wipe of ${d.deviceId} cancelled.`, () => call("DELETE", `${device}/wipe`)) }, "Cancel wipe") : null, " ",
      d.decision !== "allow" ? el("button", { "data-action": "approve", onclick: () =>
        act(`${d.deviceId} approved.`, () => call("POST", `${device}/approve`)) }, "Approve") : null, " ",
      d.decision !== "block" ? el("button", { class: "danger", "data-action": "block", onclick: () => confirm(`Block ${d.deviceId}? It is refused every command.`) &&
        act(`${d.deviceId} blocked.`, () => call("POST", `${device}/block`)) }, "Block") : null, " ",
      d.decision ? el("button", { "data-action": "reset-access", onclick: () =>
        act(`${d.deviceId} follows the access rules again.`, () => call("DELETE", `${device}/access`)) }, "Follow rules") : null, " ",
      el("button", { class: "danger", "data-action": "remove", onclick: () => confirm(`Remove ${d.deviceId}? Its sync state is deleted and the phone starts over.`) &&
        act(`Device ${d.deviceId} removed.`, () => call("DELETE", device)) }, "Remove"));
    const access = d.access ? `${d.access.level} (${d.access.source}${d.access.rule ? `: ${d.access.rule.characteristic} ${d.access.rule.pattern}` : ""})` : "—";
    return [d.deviceId, d.deviceType ?? "—", [d.model, d.operatingSystem, d.userAgent].filter(Boolean).join(" · ") || "—", d.protocolVersion ?? "—", when(d.lastContact),
      d.provisioned ? "provisioned" : "not provisioned", el("span", { "data-access": d.deviceId }, access), d.pingParked ? "parked" : "—", el("span", { "data-wipe": d.deviceId }, wipe), actions];
  });
  return table(["Device", "Type", "Model · OS · User-Agent", "Version", "Last contact", "Policy", "Access", "Ping", "Wipe", ""], rows);
}

// License: slots, holders (free a slot by switching the account off) and the accounts it turned off (re-enable).
async function license() {
  const status = await call("GET", `${api}/license`);
  const put = (id, activeSync) => call("GET", `${api}/accounts/${encodeURIComponent(id)}`).then(view =>
    call("PUT", `${api}/accounts/${encodeURIComponent(id)}`, { class: view.settings.class ?? null, ...Object.fromEntries(switches.map(k => [k, (view.settings.features || {})[k] ?? null])), activeSync }));
  app.replaceChildren(el("h1", {}, "License"),
    el("p", { id: "license-summary" }, `${status.used} of ${status.licensed} slots used, ${status.free} free · ${status.isTrial ? `trial, ${status.trialDaysLeft} days left` : `licensed (${status.source})`}${status.expired ? " · EXPIRED" : ""}`),
    el("h2", {}, "Slot holders"),
    table(["Account", "Since", ""], status.holders.map(h => [accountLink(h.accountId), when(h.since),
      el("button", { class: "danger", "data-free": h.accountId, onclick: () => confirm(`Switch ActiveSync off for ${h.accountId} to free its slot?`) &&
        act(`Slot of ${h.accountId} freed.`, () => put(h.accountId, false)) }, "Free slot")])),
    el("h2", {}, "Accounts the license turned off"),
    table(["Account", "Since", ""], status.turnedOff.map(t => [accountLink(t.accountId), when(t.at),
      el("button", { "data-reenable": t.accountId, onclick: () => act(`${t.accountId} re-enabled: it takes a slot at its next request if one is free.`, () => put(t.accountId, null)) }, "Re-enable")])));
}

// Audit log: the latest changes first.
async function audit() {
  let after = 0;
  let entries = [];
  for (;;) {
    const page = await call("GET", `${api}/audit?after=${after}&limit=1000`);
    entries = entries.concat(page).slice(-200);
    if (page.length < 1000) break;
    after = page.at(-1).sequence;
  }
  app.replaceChildren(el("h1", {}, "Audit log"),
    table(["#", "When", "Who", "Change", "Details"], entries.reverse().map(e => [String(e.sequence), when(e.at), e.by, e.change, JSON.stringify(e.details)])));
}

document.getElementById("signout").addEventListener("click", async () => {
  await fetch("/admin/session", { method: "DELETE", credentials: "same-origin" });
  showSignIn();
});
window.addEventListener("hashchange", route);
start();
