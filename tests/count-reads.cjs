// A preload for tests/read-once.test.ts: in every thread, each time a file
// under COUNT_READS_UNDER is opened or read by its path, one line
// `<thread> <path>` is appended to COUNT_READS_FILE, at once (a worker that
// is terminated sees no exit event). CommonJS and `node --require`, because
// Node 20 runs `--import` preloads on the main thread only, not in workers.

const fs = require("node:fs");
const { syncBuiltinESMExports } = require("node:module");
const { resolve } = require("node:path");
const { threadId } = require("node:worker_threads");

const under = process.env.COUNT_READS_UNDER;
const output = process.env.COUNT_READS_FILE;
const append = fs.appendFileSync;

function record(path) {
  if (!under || !output || !(typeof path === "string" || path instanceof URL || Buffer.isBuffer(path))) return;
  const absolute = resolve(path instanceof URL ? path.pathname : String(path));
  if (absolute.startsWith(`${under}/`)) append(output, `${threadId} ${absolute}\n`);
}

// Node's own readFileSync may call the exported openSync: count the outermost call only.
let depth = 0;
function count(target, names) {
  for (const name of names) {
    const original = target[name];
    if (typeof original !== "function") continue;
    target[name] = function (...args) {
      if (depth === 0) record(args[0]);
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
      }
    };
  }
}

count(fs, ["openSync", "open", "readFileSync", "readFile", "createReadStream", "openAsBlob"]);
count(fs.promises, ["open", "readFile"]);
// ESM imports of node:fs see the wrapped functions only after this.
syncBuiltinESMExports();
