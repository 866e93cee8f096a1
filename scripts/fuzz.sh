#!/usr/bin/env bash
# Fuzzes every input boundary with Jazzer, one target after another, each for the given number of seconds
# (default 300), seeded from samples/. Prints, per target, the runs, exec/s, coverage and any finding. A finding
# (unexpected exception, failed property, input slower than the test's @Timeout) is written by Jazzer into the
# target's inputs directory under src/test/resources, from where every `./newsroom test` replays it: fix the
# code and keep the file. What the fuzzer learnt (its corpus) stays in <module>/.cifuzz-corpus for the next run.
#   ./newsroom fuzz [seconds-per-target] [filter]   filter: part of a module, class or method name, e.g. nitf, query-service
# Exits 1 when any target reported a finding. See docs/fuzzing.md.
set -uo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
SECONDS_PER_TARGET="${1:-300}"
FILTER="${2:-}"
[[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] || { echo "usage: ./newsroom fuzz [seconds-per-target] [filter]" >&2; exit 2; }
read -r -a MVN <<< "${MVN_CMD:-$ROOT/mvnw -B -f $ROOT/pom.xml}"
LOGS="$ROOT/target/fuzz"
mkdir -p "$LOGS"

# module | test class | fuzz test method | seed folders under samples/ | longest input (bytes)
TARGETS=(
  "ingest-service|org.newsroom.ingest.parsing.ParserFuzzTests|anyDocumentYieldsPublishableArticlesOrARefusal|formats seeds|65536"
  "ingest-service|org.newsroom.ingest.parsing.ParserFuzzTests|newsMlG2YieldsPublishableArticlesOrARefusal|formats/newsml-g2|32768"
  "ingest-service|org.newsroom.ingest.parsing.ParserFuzzTests|nitfYieldsPublishableArticlesOrARefusal|formats/nitf|32768"
  "ingest-service|org.newsroom.ingest.parsing.ParserFuzzTests|ninjsAndJsonYieldPublishableArticlesOrARefusal|formats/ninjs|16384"
  "ingest-service|org.newsroom.ingest.parsing.ParserFuzzTests|rssAndAtomYieldPublishableArticlesOrARefusal|formats/feeds|65536"
  "ingest-service|org.newsroom.ingest.parsing.ParserFuzzTests|htmlYieldsPublishableArticlesOrARefusal|formats/html|65536"
  "ingest-service|org.newsroom.ingest.parsing.ParserFuzzTests|plainTextYieldsPublishableArticlesOrARefusal|seeds|16384"
  "ingest-service|org.newsroom.ingest.parsing.ParserFuzzTests|cleaningNeverFailsAndLeavesNoBlankParagraph|seeds|16384"
  "ingest-service|org.newsroom.ingest.intake.http.ArticleSubmissionFuzzTests|anyBodyIsAcceptedOrRefusedWithAProblem|formats/ninjs|16384"
  "query-service|org.newsroom.query.search.SearchParamsFuzzTests|searchParametersBecomeABoundedQueryOrAClearRefusal||4096"
  "query-service|org.newsroom.query.search.SearchParamsFuzzTests|cursorsDecodeToThemselvesOrAreRefused||1024"
  "query-service|org.newsroom.query.search.SearchApiFuzzTests|anyRequestIsAnsweredOrRefusedWithAProblem||4096"
  "query-service|org.newsroom.query.alerts.AlertsApiFuzzTests|anyRequestIsAnsweredOrRefusedWithAProblemAndNoInternalWebhookIsSaved||4096"
  "query-service|org.newsroom.query.live.LiveStreamApiFuzzTests|anyFilterOpensAStreamOrIsRefusedWithAProblem||4096"
)

summary=()
failed=0
for target in "${TARGETS[@]}"; do
  IFS='|' read -r module class method seeds max_len <<< "$target"
  [[ -z "$FILTER" || "${module,,} ${class,,} ${method,,}" == *"${FILTER,,}"* ]] || continue
  corpus="$ROOT/$module/.cifuzz-corpus/$class/$method"
  inputs="$ROOT/$module/src/test/resources/$(echo "${class%.*}" | tr . /)/${class##*.}Inputs/$method"
  mkdir -p "$corpus" "$inputs"
  # libFuzzer arguments: the first folder is the corpus it grows, the others only seed it; later flags win.
  args=(-Djazzer.internal.arg.0=fuzz "-Djazzer.internal.arg.1=$corpus")
  n=2
  for seed in $seeds; do args+=("-Djazzer.internal.arg.$n=$ROOT/samples/$seed"); n=$((n + 1)); done
  args+=("-Djazzer.internal.arg.$n=-max_total_time=$SECONDS_PER_TARGET" "-Djazzer.internal.arg.$((n + 1))=-max_len=$max_len")
  before=$(ls "$inputs" | wc -l)
  log="$LOGS/$method.log"
  echo "[fuzz] $method ($module) for ${SECONDS_PER_TARGET}s, log $log"
  # JUnit's own @Timeout would end the whole fuzzing run; Jazzer turns it into libFuzzer's per-input -timeout.
  JAZZER_FUZZ=1 "${MVN[@]}" -pl "$module" -am test -Dtest="${class##*.}#$method" \
    -Dsurefire.failIfNoSpecifiedTests=false -Djunit.jupiter.execution.timeout.mode=disabled "${args[@]}" > "$log" 2>&1
  status=$?
  runs=$(grep -a -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -n 1)
  stats=$(grep -a -E $'^#[0-9]+\t+(DONE|pulse|NEW|REDUCE)' "$log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [^ ]+ .*exec/s: [0-9]+' | sed 's/ lim: [0-9]*//')
  after=$(ls "$inputs" | wc -l)
  finding=$( (grep -a -m 1 -E '» FuzzTestFinding|Timeout after|timed out' "$log"; grep -a -m 1 -o 'Test unit written to .*' "$log") | sed 's/^\[ERROR\] *//' | cut -c1-240 | paste -sd ' ' -)
  if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
    failed=1
    summary+=("FINDING  $method: ${runs:-no run}; ${finding:-build or test failure, see $log}; new inputs: $((after - before))")
  else
    summary+=("ok       $method: ${runs:-?}; ${stats:-}")
  fi
done

echo
echo "[fuzz] summary (${SECONDS_PER_TARGET}s per target):"
printf '  %s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
  echo "[fuzz] findings are kept in the inputs directories (git status shows them); fix the code, keep the inputs."
fi
exit "$failed"
