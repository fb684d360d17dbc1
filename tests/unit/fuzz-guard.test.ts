/**
 * The guard fuzzer (scripts/lib/fuzz/): a fixed-seed run of 2,000 hostile bodies in which no
 * body the checks accept runs code (the trap stays quiet) and every accepted body renders; the
 * compiled-code check alone holds too; and the trap does fire when code gets through, shown by
 * bodies compiled with every guard left out, including the holes of issue 20.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boothCompiler } from '../../src/lib/mdx-guard/compiler.ts';
import { hostileBody } from '../../scripts/lib/fuzz/bodies.ts';
import { bodySeed, seeded } from '../../scripts/lib/fuzz/random.ts';
import { boothText, fuzzGuard } from '../../scripts/lib/fuzz/run.ts';
import { startTrap } from '../../scripts/lib/fuzz/trap.ts';
import { projectRoot } from '../support/project.ts';

const path = `${projectRoot}/src/content/sponsors/fuzz.mdx`;

describe('the trap', () => {
  it('stays quiet for a plain booth, which renders', async () => {
    const trap = await startTrap(projectRoot);
    const compiler = await boothCompiler(projectRoot);
    const rendered = await trap.render(await compiler.compile(boothText('## Our lab\n\nWe build *tools* {"for you"} <abbr title="MIR">MIR</abbr>.\n\n![Our lab](./acme/lab.png)\n\n<Callout title="Hi">Come by</Callout>\n'), path));
    assert.deepEqual(rendered.fired, []);
    assert.equal(rendered.error, undefined);
    assert.match(rendered.html!, /<h2 id="our-lab">Our lab<\/h2>/);
    assert.match(rendered.html!, /We build <em>tools<\/em> for you <abbr title="MIR">MIR<\/abbr>\./);
  });

  it('fires for code let through with every guard left out: the holes of issue 20, an import, a prop that is code', async () => {
    const trap = await startTrap(projectRoot);
    const bare = await boothCompiler(projectRoot, { sourceGuard: false });
    const bodies = {
      'table part': '<td title={__trap()} />\n',
      'private-use mark': '{`$\uF002{__trap()}`}\n',
      'line separator': '{"a" // note\u2028 + __trap()\n}\n',
      'carriage return': '{"a" // note\r + __trap()\n}\n',
      'an image that is a module': '![Run](./x.mjs)\n',
      'a spread prop': '<Callout {...__trap} />\n',
      'an export': 'export const x = __trap\n',
    };
    for (const [name, body] of Object.entries(bodies)) {
      const rendered = await trap.render(await bare.compile(boothText(body), path));
      assert.notDeepEqual(rendered.fired, [], name);
    }
  });
});

describe('2,000 hostile bodies, seed 1', () => {
  it('nothing the content check accepts (source guard and compiled-code check) runs code, and all of it renders', async () => {
    const report = await fuzzGuard({ count: 2000, seed: 1, guard: 'both', root: projectRoot });
    assert.equal(report.tried, 2000);
    // Enough accepted bodies for the run to mean something (358 when this was written).
    assert.ok(report.accepted >= 200, `only ${report.accepted} accepted`);
    assert.deepEqual(report.escapes, []);
    assert.deepEqual(report.renderFailures, []);
    assert.deepEqual(report.sourceOnly, []);
  });

  it('nothing the compiled-code check alone accepts runs code', async () => {
    const report = await fuzzGuard({ count: 2000, seed: 1, guard: 'compiled', root: projectRoot });
    assert.ok(report.accepted >= 400, `only ${report.accepted} accepted`);
    assert.deepEqual(report.escapes, []);
  });

  it('holds the shapes of the holes of issue 20 among its bodies, put together from parts', () => {
    const bodies = Array.from({ length: 2000 }, (_, i) => hostileBody(seeded(bodySeed(1, i))));
    const count = (pattern: RegExp) => bodies.filter((b) => pattern.test(b)).length;
    assert.ok(count(/^<(td|th|tr|tbody|thead|tfoot|caption|col|colgroup)\b[^>\n]*=\{/m) > 20, 'table parts with code in a prop');
    assert.ok(count(/`\$\uF002\{/) > 0, 'a template with the parser\'s mark between $ and {');
    assert.ok(count(/\/\/ note[^\n]*[\u2028\u2029\r][^\n]*__trap/) > 5, 'a // comment ended by another line terminator, then code');
  });
});
