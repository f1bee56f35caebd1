#!/usr/bin/env bash
# gln-check's standard input and output, as a shell uses them. Usage: io.sh GLN_CHECK
set -uo pipefail
tool=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_one_error NAME CODE EXPECTED_CODE STDERR_FILE REGEX: the exit code, and exactly one
# line on stderr matching REGEX.
expect_one_error() {
  local name=$1 code=$2 want=$3 err=$4 regex=$5
  [ "$code" = "$want" ] || fail "$name: exit $code, expected $want"
  [ "$(wc -l <"$err")" = 1 ] || fail "$name: stderr is not one line: $(cat "$err")"
  grep -Eq "$regex" "$err" || fail "$name: stderr '$(cat "$err")' does not match '$regex'"
}

request='{"id": 1, "age_years": 40, "purpose": "gut_barrier"}'
for i in $(seq 1 2000); do echo "$request"; done >"$dir/many.jsonl"

# A full disk: one message, exit 1, for the batch and for every other output.
if [ -w /dev/full ]; then
  "$tool" --batch <"$dir/many.jsonl" >/dev/full 2>"$dir/err"
  expect_one_error "batch to /dev/full" $? 1 "$dir/err" '^gln-check: cannot write the output: No space left on device$'
  for args in "--version" "--list purposes" "--help" "--purpose gut_barrier" "--purpose gut_barrier --json"; do
    # shellcheck disable=SC2086
    "$tool" $args >/dev/full 2>"$dir/err"
    expect_one_error "$args to /dev/full" $? 1 "$dir/err" '^gln-check: cannot write the output'
  done
else
  fail "/dev/full is not writable here"
fi

# A file that cannot grow past 200 KiB (the limit of the shell's ulimit -f): the lines in it are
# whole, the one that did not fit is not there, whether or not the parent ignored SIGXFSZ
# (gln-check ignores it, so the write fails with EFBIG; by default the signal ended the process
# with the file cut inside a line). The batch writes up to 64 KiB at a time, so several writes
# succeed before one fails.
for disposition in ignored default; do
  (
    if [ "$disposition" = ignored ]; then trap '' XFSZ; else trap - XFSZ; fi
    ulimit -f 200
    exec "$tool" --batch <"$dir/many.jsonl" >"$dir/partial.jsonl" 2>"$dir/err"
  )
  expect_one_error "batch into a file that fills up (SIGXFSZ $disposition)" $? 1 "$dir/err" \
    '^gln-check: cannot write the output: File too large$'
  lines=$(wc -l <"$dir/partial.jsonl")
  [ "$lines" -ge 1 ] || fail "SIGXFSZ $disposition: no whole line was written before the file filled up"
  [ -z "$(tail -c 1 "$dir/partial.jsonl")" ] || fail "SIGXFSZ $disposition: the file ends inside a line"
  [ "$(grep -c '"overall":"suitable"' "$dir/partial.jsonl")" = "$lines" ] ||
    fail "SIGXFSZ $disposition: a line of the full file is not a whole answer"
done

# A runner that sends one line and waits for its answer before sending the next (the input is
# still open): each answer arrives, because the output is flushed whenever no input is waiting.
# The read's limit only keeps a missing answer from hanging the test.
coproc runner { "$tool" --batch 2>"$dir/err"; }
runner_pid=$runner_PID  # bash unsets runner_PID once the process has ended
for id in 1 2; do
  echo "{\"id\": $id, \"age_years\": 40, \"purpose\": \"gut_barrier\"}" >&"${runner[1]}"
  answer=""
  read -r -t 60 -u "${runner[0]}" answer
  [[ "$answer" == "{\"id\":$id,"* ]] || fail "waiting runner: no answer to line $id before the next"
done
exec {runner[1]}>&-
wait "$runner_pid" || fail "waiting runner: exit status $?"

# A closed pipe: the reader took what it wanted; gln-check ends by SIGPIPE (status 141) and says
# nothing, whether or not the parent ignored SIGPIPE.
out=$("$tool" --batch <"$dir/many.jsonl" 2>"$dir/err" | head -n 1)
status=${PIPESTATUS[0]}
[ "$status" = 141 ] || fail "closed pipe: status $status, expected 141"
[ ! -s "$dir/err" ] || fail "closed pipe: stderr '$(cat "$dir/err")'"
grep -q '"overall":"suitable"' <<<"$out" || fail "closed pipe: the first line is not an answer"
out=$( (trap '' PIPE; "$tool" --batch <"$dir/many.jsonl" 2>"$dir/err") | head -n 1)
status=${PIPESTATUS[0]}
[ "$status" = 141 ] || fail "closed pipe, SIGPIPE ignored by the parent: status $status"
[ ! -s "$dir/err" ] || fail "closed pipe, SIGPIPE ignored: stderr '$(cat "$dir/err")'"

# Memory: under a 30 MB address-space limit, long lines that once ended the process
# (std::bad_alloc) are answered with an error, and the lines after them are answered.
# A sanitized build cannot start under any such limit (AddressSanitizer reserves terabytes of
# address space); scripts/test.sh's plain builds run this case.
if [ "${GLN_SANITIZED:-0}" = 1 ]; then
  echo "io.sh: the address-space limit case is left to the unsanitized builds"
else
python3 - "$dir/long.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write('{"id":1,"conditions":[' + ",".join(["1"] * 520000) + "]}\n")
    f.write(json.dumps({"id": 2, "icd10": ["E11"] * 140000, "purpose": "gut_barrier"}) + "\n")
    f.write('{"id":3,"age_years":40,"purpose":"gut_barrier"}\n')
EOF
(ulimit -v 30000; exec "$tool" --batch <"$dir/long.jsonl" >"$dir/long.out" 2>"$dir/err")
code=$?
[ "$code" = 0 ] || fail "ulimit -v 30000: exit $code, stderr '$(cat "$dir/err")'"
[ "$(wc -l <"$dir/long.out")" = 3 ] || fail "ulimit -v 30000: not one answer per line"
sed -n 1p "$dir/long.out" | grep -q '^{"id":1,"line":1,"error":"conditions\[0\]: must be a name"' ||
  fail "ulimit -v 30000: line 1 is not its error: $(sed -n 1p "$dir/long.out" | cut -c1-200)"
sed -n 2p "$dir/long.out" | grep -Eq '^\{"id":(2|null),("line":2,"error":"out of memory"|"gln_version")' ||
  fail "ulimit -v 30000: line 2 is neither answered nor out of memory: $(sed -n 2p "$dir/long.out" | cut -c1-200)"
sed -n 3p "$dir/long.out" | grep -q '^{"id":3,"gln_version".*"overall":"suitable"' ||
  fail "ulimit -v 30000: the line after the long ones is not answered"
fi

# Standard input closed, or a directory: said so, exit 2.
"$tool" --batch <&- >"$dir/out" 2>"$dir/err"
expect_one_error "stdin closed" $? 2 "$dir/err" '^gln-check: --batch: standard input is closed$'
"$tool" --batch </ >"$dir/out" 2>"$dir/err"
expect_one_error "stdin a directory" $? 2 "$dir/err" '^gln-check: --batch: standard input is a directory$'

if [ "$failures" -ne 0 ]; then
  echo "io.sh: $failures failed" >&2
  exit 1
fi
echo "io.sh: all passed"
