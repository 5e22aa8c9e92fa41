/**
 * The schema contributed through yamlValidation, as users of other YAML tooling get it:
 * yaml-language-server (the server behind VS Code's YAML extension) run over stdio with
 * schemas/govreport.schema.json associated to *.report.yaml.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, ROOT, fileUri } from './lspClient';
import { EXAMPLE, positionOf, textOf } from './editorHelpers';

const YAML_SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const SCHEMA = fileUri(path.join(ROOT, 'schemas', 'govreport.schema.json'));
const SHORT_ROW = EXAMPLE.replace('[67, 2, 0, 0, 0, 0, 69]', '[67, 2, 0, 0, 0, 69]');

describe('the JSON Schema in yaml-language-server', () => {
  let client: LspClient;
  let shortRow: any[];
  before(async () => {
    client = new LspClient(['--stdio'], YAML_SERVER);
    client.sections.yaml = { schemas: { [SCHEMA]: '*.report.yaml' }, validate: true, hover: true, completion: true };
    await client.initialize({
      capabilities: {
        workspace: { configuration: true },
        textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: {} },
      },
    });
    const uri = fileUri(path.join(ROOT, 'short.report.yaml'));
    client.open(uri, SHORT_ROW, 1, 'yaml');
    // The first publication may come before the schema is loaded: wait for the schema's.
    const { params } = await client.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as any).uri === uri &&
        (m.params as any).diagnostics.length > 0,
      20000,
      'schema diagnostics',
    );
    shortRow = (params as any).diagnostics;
  });
  after(() => client.dispose());

  it('reports a row with a missing column, named by its official label', () => {
    assert.equal(shortRow.length, 1, JSON.stringify(shortRow));
    assert.equal(textOf(SHORT_ROW, shortRow[0].range), '[67, 2, 0, 0, 0, 69]');
    assert.match(shortRow[0].source, /一、本年新收政府信息公开申请数量/);
  });

  it('finds nothing wrong with the example, and explains a key on hover', async () => {
    const uri = fileUri(path.join(ROOT, 'example-copy.report.yaml'));
    // yaml-language-server does not send the version.
    const published = client.diagnostics(uri, undefined, 20000);
    client.open(uri, EXAMPLE, 1, 'yaml');
    assert.deepEqual((await published).diagnostics, []);
    const hover = await client.request<{ contents: { value: string } | string }>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(EXAMPLE, '  部分公开:', 4),
    });
    const text = typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
    assert.match(text, /（二）部分公开（区分处理的，只计这一情形，不计其他情形）/);
  });
});
