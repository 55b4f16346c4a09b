// A preload for tests/output-folder.test.ts: Pagefind's process is killed
// just after it is asked to write its index, as a crash in it would end it
// (it panics on a folder it may not write). Its Node API then never answers,
// as nothing more is sent to it that could fail. CommonJS and `--require`,
// so Pagefind's own import of child_process sees the change.

const childProcess = require("node:child_process");

const spawn = childProcess.spawn;
childProcess.spawn = function (command, ...rest) {
  const child = spawn.call(this, command, ...rest);
  if (!/pagefind/.test(String(command))) return child;
  const write = child.stdin.write;
  child.stdin.write = function (chunk, ...more) {
    const written = write.call(this, chunk, ...more);
    // Each message is base64-encoded JSON and a comma.
    const message = Buffer.from(String(chunk).replace(/,$/, ""), "base64").toString("utf8");
    if (message.includes('"WriteFiles"')) child.kill("SIGKILL");
    return written;
  };
  return child;
};
