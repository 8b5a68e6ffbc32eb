#!/usr/bin/env bash
# The Action's lint step: writes the SARIF report when asked (its own run, whatever it finds), then lints
# with annotations (GitHub workflow commands) or the plain report; the step's exit code is the linter's.
set -uo pipefail
read -r -d '' -a paths <<< "${HSL_PATHS:-.}" || true
read -r -d '' -a extra <<< "${HSL_ARGS:-}" || true
options=(--max-warnings "${HSL_MAX_WARNINGS:--1}")
[ -n "${HSL_BASELINE:-}" ] && options+=(--baseline "$HSL_BASELINE")

if [ -n "${HSL_SARIF:-}" ]; then
  http-status-lens lint --format sarif "${options[@]}" "${extra[@]}" -- "${paths[@]}" > "$HSL_SARIF"
  sarif_code=$?
  if [ "$sarif_code" -eq 2 ]; then echo "::error::http-status-lens could not write $HSL_SARIF (exit 2)"; exit 2; fi
  echo "sarif=$HSL_SARIF" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
fi

format=stylish
[ "${HSL_ANNOTATIONS:-true}" = "true" ] && format=github
http-status-lens lint --format "$format" "${options[@]}" "${extra[@]}" -- "${paths[@]}"
