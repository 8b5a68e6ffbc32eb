/** The bench report's comparison with the previous run (bench/previous.ts): figures, units and ratios. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figure, ratioToPrevious } from '../../bench/previous';

test('the figure of a target is the first number of its measured text, with its unit', () => {
  assert.deepEqual(figure('6.83x faster'), { value: 6.83, unit: 'x' });
  assert.deepEqual(figure('12,612 files/s'), { value: 12612, unit: 'files/s' });
  assert.deepEqual(figure('3603 files/s, 7.6 MB/s'), { value: 3603, unit: 'files/s' });
  assert.deepEqual(figure('9.7%'), { value: 9.7, unit: '%' });
  assert.deepEqual(figure('703 KB (http-status-lens-0.1.0.vsix)'), { value: 703, unit: 'KB' });
  assert.equal(figure('equal'), undefined);
});

test('the ratio to the previous run compares like with like only', () => {
  assert.equal(ratioToPrevious('194 MB', '190 MB'), '1.02x');
  assert.equal(ratioToPrevious('1.20x', '1.34x'), '0.90x');
  assert.equal(ratioToPrevious('105 ms', '1.2 s'), '–', 'another unit');
  assert.equal(ratioToPrevious('equal', 'equal'), '–');
  assert.equal(ratioToPrevious('105 ms', undefined), '–', 'a target the previous run did not have');
});
