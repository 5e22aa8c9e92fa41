// Fails when the code crosses a boundary of docs/architecture.md:
// - the core (server/src/core) imports only itself and the packages listed below: no Node
//   module, no Node global (Buffer, process…), no vscode and no LSP, so it runs in a browser;
// - the faces (the server's LSP features, the CLI, the client) use the core only through its
//   front door (server/src/core/index.ts), and share code only through server/src/shared;
// - no module imports itself through a cycle (type-only imports aside).
// Run: node --import tsx scripts/check-boundaries.ts
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

/** Packages the core may use: pure JavaScript that runs in a browser too. */
const CORE_PACKAGES = new Set(['yaml', 'docx', 'fflate', 'parse5', 'htmlparser2', '@noble/hashes']);
/** Globals that @types/node declares but every JavaScript platform has. */
const WEB_GLOBALS = new Set([
  'console',
  'setTimeout',
  'clearTimeout',
  'TextDecoder',
  'TextEncoder',
  'URL',
  'performance',
  'queueMicrotask',
  'structuredClone',
  'btoa',
  'atob',
]);

type Area = 'core' | 'shared' | 'lsp' | 'cli' | 'client' | 'other';

function areaOf(file: string): Area {
  const r = rel(file);
  if (r.startsWith('server/src/core/')) return 'core';
  if (r.startsWith('server/src/shared/')) return 'shared';
  if (r.startsWith('server/src/lsp/') || r === 'server/src/server.ts') return 'lsp';
  if (r.startsWith('server/src/cli/') || r === 'server/src/cli.ts') return 'cli';
  if (r.startsWith('client/src/')) return 'client';
  return 'other';
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Import {
  spec: string;
  /** The file it resolves to, for a relative import. */
  target?: string;
  typeOnly: boolean;
  line: number;
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [`${base}.ts`, path.join(base, 'index.ts')]) {
    try {
      readFileSync(f);
      return f;
    } catch {
      // Not this one.
    }
  }
  return base;
}

function importsOf(file: string): Import[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: Import[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean) => {
    if (!spec || !ts.isStringLiteral(spec)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    out.push({ spec: spec.text, target: resolve(file, spec.text), typeOnly, line });
  };
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      const onlyTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(s, s.moduleSpecifier, onlyTypes);
    } else if (ts.isExportDeclaration(s)) add(s, s.moduleSpecifier, s.isTypeOnly);
  }
  // require('…') and import('…') of faces that load a module on demand.
  const visit = (n: ts.Node): void => {
    if (
      ts.isCallExpression(n) &&
      (n.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(n.expression) && n.expression.text === 'require'))
    )
      add(n, n.arguments[0], false);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const files = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))];
const CORE_INDEX = path.join(ROOT, 'server', 'src', 'core', 'index.ts');
const problems: string[] = [];
const graph = new Map<string, string[]>();

for (const file of files) {
  const area = areaOf(file);
  const runtime: string[] = [];
  for (const imp of importsOf(file)) {
    const where = `${rel(file)}:${imp.line}`;
    const targetArea = imp.target ? areaOf(imp.target) : undefined;
    if (imp.target && !imp.typeOnly) runtime.push(imp.target);
    if (area === 'core' || area === 'shared') {
      if (!imp.target) {
        const pkg = imp.spec.startsWith('@') ? imp.spec.split('/').slice(0, 2).join('/') : imp.spec.split('/')[0];
        if (area === 'core' && !CORE_PACKAGES.has(pkg)) problems.push(`${where}: the core imports '${imp.spec}'`);
        // Shared code runs in the client and in the server: neither side's API but as types.
        if (area === 'shared' && !imp.typeOnly && /^vscode(?:$|-languageclient|-languageserver)/.test(imp.spec))
          problems.push(`${where}: shared code imports '${imp.spec}'`);
      } else if (area === 'core' && targetArea !== 'core')
        problems.push(`${where}: the core imports ${rel(imp.target)}`);
      else if (area === 'shared' && targetArea !== 'shared' && imp.target !== CORE_INDEX)
        problems.push(`${where}: shared code imports ${rel(imp.target)} (only the core's front door and shared code)`);
      continue;
    }
    if (!imp.target || targetArea === area || targetArea === 'shared') continue;
    if (targetArea === 'core') {
      if (imp.target !== CORE_INDEX)
        problems.push(`${where}: ${rel(imp.target)} is not the core's front door (server/src/core/index.ts)`);
    } else problems.push(`${where}: the ${area} face imports the ${targetArea} face's ${rel(imp.target)}`);
  }
  graph.set(file, runtime);
}

// Cycles: a depth-first search over runtime imports.
const state = new Map<string, 'open' | 'done'>();
const stack: string[] = [];
const reported = new Set<string>();
const dfs = (f: string): void => {
  state.set(f, 'open');
  stack.push(f);
  for (const t of graph.get(f) ?? []) {
    if (state.get(t) === 'open') {
      const cycle = stack.slice(stack.indexOf(t)).map(rel);
      const key = [...cycle].sort().join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        problems.push(`import cycle: ${[...cycle, rel(t)].join(' → ')}`);
      }
    } else if (!state.has(t)) dfs(t);
  }
  stack.pop();
  state.set(f, 'done');
};
for (const f of files) if (!state.has(f)) dfs(f);

// Node globals in the core: names that only @types/node declares.
const coreFiles = files.filter((f) => areaOf(f) === 'core');
// Node's types are loaded on purpose, so that a Node global resolves to them and is caught.
const program = ts.createProgram(coreFiles, {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
});
const checker = program.getTypeChecker();
const fromNode = (d: ts.Declaration) => d.getSourceFile().fileName.includes('/node_modules/@types/node/');
for (const sf of program.getSourceFiles()) {
  if (!coreFiles.includes(path.resolve(sf.fileName))) continue;
  const visit = (n: ts.Node): void => {
    // A member (`x.from`) is the object's, not a global.
    const member =
      !!n.parent &&
      ((ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) ||
        (ts.isQualifiedName(n.parent) && n.parent.right === n));
    if (ts.isIdentifier(n) && !member && !WEB_GLOBALS.has(n.text)) {
      const symbol = checker.getSymbolAtLocation(n);
      const decls = symbol?.getDeclarations() ?? [];
      if (decls.length && decls.every(fromNode)) {
        const line = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
        problems.push(`${rel(sf.fileName)}:${line}: the core uses the Node global '${n.text}'`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}

if (problems.length) {
  console.error(
    `${problems.length} boundary problem(s) (see docs/architecture.md):\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(`boundaries: ${files.length} modules, ${coreFiles.length} in the core, no cycle`);
