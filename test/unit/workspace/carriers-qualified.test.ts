/**
 * A carrier used through its namespace or module (`raise Errors::CouponTaken`, `throw new errors.CouponTaken()`,
 * `raise exceptions.CouponTaken(...)`, `throw new Errors.CouponTaken()`): the qualifier is skipped back to the
 * word that makes it a use, in every family where a module or namespace qualifies a class.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCarriers } from '../../../server/src/workspace/carriers';
import { Project } from './project';

const cases: { family: string; files: Record<string, string>; use: string; expected: string[] }[] = [
  {
    family: 'ruby',
    files: {
      'app/errors/errors.rb': `module Errors\n  class CouponTaken < StandardError\n    def status\n      :failed_dependency\n    end\n  end\nend\n`,
      'app/controllers/coupons_controller.rb': `class CouponsController < ApplicationController\n  def create\n    raise Errors::CouponTaken, "This coupon code is already taken" if Coupon.exists?(code: params[:code])\n  end\nend\n`,
    },
    use: 'app/controllers/coupons_controller.rb',
    expected: ['424-for-conflict: CouponTaken'],
  },
  {
    family: 'javascript',
    files: {
      'src/errors.js': `class CouponTaken extends Error {\n  constructor(message) {\n    super(message);\n    this.status = 424;\n  }\n}\nmodule.exports = { CouponTaken };\n`,
      'src/coupons.js': `const errors = require('./errors');\nasync function create(req, res) {\n  if (await exists(req.body.code)) throw new errors.CouponTaken('This coupon code is already taken');\n}\n`,
    },
    use: 'src/coupons.js',
    expected: ['424-for-conflict: CouponTaken'],
  },
  {
    family: 'python',
    files: {
      'app/exceptions.py': `from rest_framework.exceptions import APIException\n\nclass CouponTaken(APIException):\n    status_code = 424\n`,
      'app/views.py': `from app import exceptions\n\ndef create(request):\n    if Coupon.objects.filter(code=request.data["code"]).exists():\n        raise exceptions.CouponTaken("This coupon code is already taken")\n`,
    },
    use: 'app/views.py',
    expected: ['424-for-conflict: CouponTaken'],
  },
  {
    family: 'java',
    files: {
      'src/main/java/shop/Errors.java': `public final class Errors {\n    @ResponseStatus(HttpStatus.FAILED_DEPENDENCY)\n    public static class CouponTaken extends RuntimeException {\n        public CouponTaken(String message) { super(message); }\n    }\n}\n`,
      'src/main/java/shop/CouponService.java': `class CouponService {\n    void create(String code) {\n        if (exists(code)) throw new Errors.CouponTaken("This coupon code is already taken");\n    }\n}\n`,
    },
    use: 'src/main/java/shop/CouponService.java',
    expected: ['424-for-conflict: CouponTaken'],
  },
];

for (const { family, files, use, expected } of cases) {
  test(`${family}: a carrier used through its namespace is a site, and counts as a use`, () => {
    const project = new Project(files);
    assert.deepEqual(project.findings(use), expected);
    const uses = findCarriers(files[use], family).uses;
    assert.ok(uses.has('CouponTaken'), `the carrier pass counts the use: ${[...uses.keys()].join(', ')}`);
  });
}
