// Usage: XAPI_KEY=… XAPI_SECRET=… node check.cjs http://127.0.0.1:5000/xapi/
// The client's key and secret come from /academy/records/clients (or POST /api/v1/xapi/clients), with the scope "all".
// The "fetch" adapter is used because xAPI.js's default (axios) labels its multipart/mixed bodies application/octet-stream
// under Node, which any LRS must refuse.
const XAPI = require("@xapi/xapi").default;
const endpoint = process.argv[2];
if (!endpoint || !process.env.XAPI_KEY || !process.env.XAPI_SECRET) {
  console.error("usage: XAPI_KEY=… XAPI_SECRET=… node check.cjs http://host:port/xapi/");
  process.exit(2);
}
const auth = XAPI.toBasicAuth(process.env.XAPI_KEY, process.env.XAPI_SECRET);
const xapi = new XAPI({ endpoint, auth, version: "1.0.3", adapter: "fetch" });
const crypto = require("crypto");
const results = [];
async function step(name, fn) {
  try { const r = await fn(); results.push(["ok", name, r ?? ""]); }
  catch (e) { results.push(["FAIL", name, (e.response ? e.response.status + " " + JSON.stringify(e.response.data) : e.message).slice(0, 300)]); }
}
(async () => {
  const mbox = `mailto:xapijs-${crypto.randomUUID()}@example.org`;
  const agent = { objectType: "Agent", mbox, name: "Ana" };
  const activity = `https://content.example/xapijs/${crypto.randomUUID()}`;
  let ids = [];
  await step("about", async () => (await xapi.getAbout()).data.version.join(","));
  await step("send 3 statements", async () => {
    const st = [0, 1, 2].map(i => ({ actor: agent, verb: { id: "http://adlnet.gov/expapi/verbs/experienced", display: { "en-US": "experienced" } }, object: { objectType: "Activity", id: activity + "/" + i, definition: { name: { "en-US": "Slide " + i } } } }));
    ids = (await xapi.sendStatements({ statements: st })).data; return ids.length;
  });
  await step("get one statement", async () => (await xapi.getStatement({ statementId: ids[0] })).data.id === ids[0]);
  await step("query by agent, limit 2, then more", async () => {
    const first = (await xapi.getStatements({ agent, limit: 2 })).data;
    const more = (await xapi.getMoreStatements({ more: first.more })).data;
    return `${first.statements.length}+${more.statements.length} more=${JSON.stringify(more.more)}`;
  });
  await step("void one", async () => (await xapi.voidStatement({ actor: agent, statementId: ids[1] })).data.length);
  await step("voided one by voidedStatementId", async () => (await xapi.getVoidedStatement({ voidedStatementId: ids[1] })).data.id === ids[1]);
  await step("query by agent leaves the voided out, returns the voiding", async () => {
    const s = (await xapi.getStatements({ agent })).data.statements; return s.map(x => x.verb.id.split("/").pop()).join(",");
  });
  await step("query by activity", async () => (await xapi.getStatements({ activity: activity + "/0" })).data.statements.length);
  await step("state: set, get, etag", async () => {
    await xapi.setState({ agent, activityId: activity, stateId: "bookmark", state: { slide: 3 } });
    const got = await xapi.getState({ agent, activityId: activity, stateId: "bookmark" });
    return JSON.stringify(got.data) + " etag=" + (got.headers.etag ?? got.headers.ETag);
  });
  await step("state: list ids", async () => JSON.stringify((await xapi.getStates({ agent, activityId: activity })).data));
  await step("state: delete", async () => { await xapi.deleteState({ agent, activityId: activity, stateId: "bookmark" }); return "deleted"; });
  await step("activity profile: create then get", async () => {
    await xapi.createActivityProfile({ activityId: activity, profileId: "settings", profile: { theme: "dark" } });
    return JSON.stringify((await xapi.getActivityProfile({ activityId: activity, profileId: "settings" })).data);
  });
  await step("agent profile: create then get", async () => {
    await xapi.createAgentProfile({ agent, profileId: "prefs", profile: { lang: "es" } });
    return JSON.stringify((await xapi.getAgentProfile({ agent, profileId: "prefs" })).data);
  });
  await step("activity definition", async () => JSON.stringify((await xapi.getActivity({ activityId: activity + "/2" })).data.definition));
  await step("agents (person)", async () => JSON.stringify((await xapi.getAgent({ agent })).data));
  await step("send with attachment", async () => {
    const content = "hello attachment";
    const sha2 = crypto.createHash("sha256").update(content).digest("hex");
    const st = { actor: agent, verb: XAPI.Verbs.COMPLETED, object: { objectType: "Activity", id: activity + "/final" },
      attachments: [{ usageType: "http://id.tincanapi.com/attachment/supporting_media", display: { "en-US": "note" }, contentType: "text/plain", length: Buffer.byteLength(content), sha2 }] };
    const r = await xapi.sendStatement({ statement: st, attachments: [content] });
    const back = await xapi.getStatement({ statementId: r.data[0], attachments: true });
    return r.data.length + " stored; read back with attachments: " + typeof back.data;
  });
  for (const r of results) console.log(r.join(" | "));
  const failed = results.filter(r => r[0] !== "ok").length;
  console.log(`${results.length - failed} of ${results.length} steps passed`);
  process.exit(failed === 0 ? 0 : 1);
})();
