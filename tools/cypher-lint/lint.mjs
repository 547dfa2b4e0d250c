// Lints Cypher files with Neo4j's own linter (@neo4j-cypher/language-support, Cypher 5 rules).
//
// Install once (from the repo root):  npm ci --prefix tools/cypher-lint --no-audit --no-fund
// Usage:                              node tools/cypher-lint/lint.mjs FILE_OR_DIR...
//
// Files named on the command line are linted whatever their extension; directories are searched
// recursively for `*.cypher`. Every diagnostic is printed as `path:line:col: severity: message`
// (line and column 1-based). Exit status: 0 when no diagnostic is an error (warnings, deprecations
// included, do not fail), 1 when at least one is, 2 on a usage problem such as a missing path.
//
// No database schema is given to the linter, so labels, relationship types, functions and
// procedures are not checked against a database. The one exception is parameters: the linter
// reports every `$name` that the schema does not declare as an error, so each file's parameters
// are declared from its own `// param: NAME ...` header lines. A query that uses a parameter its
// header does not list therefore fails, which keeps the header (the source of CLI options)
// honest.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// The package's ESM build uses extensionless imports that node cannot resolve; its CJS bundle
// works, and createRequire resolves it from this folder's node_modules whatever the cwd is.
const { lintCypherQuery } = createRequire(import.meta.url)('@neo4j-cypher/language-support');

const SEVERITY_NAMES = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const ERROR_SEVERITY = 1;
const PARAM_HEADER = /^\s*\/\/\s*param:\s*([A-Za-z_][A-Za-z0-9_]*)/;
const UNDECLARED_PARAM = /^Parameter \$\S+ is not defined\.$/;

function declaredParameters(text) {
  const parameters = {};
  for (const line of text.split('\n')) {
    const match = PARAM_HEADER.exec(line);
    if (match) parameters[match[1]] = null;
  }
  return parameters;
}

function cypherFilesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return cypherFilesUnder(path);
      return entry.isFile() && entry.name.endsWith('.cypher') ? [path] : [];
    });
}

function formatDiagnostic(path, diagnostic) {
  const { line, character } = diagnostic.range.start;
  const severity = SEVERITY_NAMES[diagnostic.severity] ?? 'error';
  let message = diagnostic.message.replace(/\s+/g, ' ').trim();
  if (UNDECLARED_PARAM.test(message)) message += " Declare it with a '// param: NAME ...' header line.";
  return `${path}:${line + 1}:${character + 1}: ${severity}: ${message}`;
}

function main(args) {
  if (args.length === 0) {
    console.error('usage: node tools/cypher-lint/lint.mjs FILE_OR_DIR...');
    return 2;
  }
  const files = [];
  for (const arg of args) {
    let stats;
    try {
      stats = statSync(arg);
    } catch {
      console.error(`${arg}: no such file or directory`);
      return 2;
    }
    files.push(...(stats.isDirectory() ? cypherFilesUnder(arg) : [arg]));
  }

  let errorCount = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const schema = { parameters: declaredParameters(text), defaultLanguage: 'CYPHER 5' };
    for (const diagnostic of lintCypherQuery(text, schema)) {
      if ((diagnostic.severity ?? ERROR_SEVERITY) === ERROR_SEVERITY) errorCount += 1;
      console.log(formatDiagnostic(path, diagnostic));
    }
  }
  return errorCount > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
