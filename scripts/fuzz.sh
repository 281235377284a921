# ce fuzz: coverage-guided fuzzing of the Jazzer targets (docs/fuzzing.md). Sourced by the ce script for that
# command only, so the path of ./ce serve does not parse it; uses the script's ROOT, JAVA_HOME and maven().

FUZZ_MODULES=(engine pkm-index server)
MERGE_MAX=20  # inputs ./ce fuzz --merge adds at most, those adding the most coverage first

fuzz_targets() { # prints "MODULE CLASS METHOD" (class fully qualified) for every @FuzzTest method
  local module file class
  for module in "${FUZZ_MODULES[@]}"; do
    while IFS= read -r file; do
      class="${file#"$ROOT/$module/src/test/java/"}"
      class="${class%.java}"
      awk -v module="$module" -v class="${class//\//.}" '
        /@FuzzTest/ { pending = 1; next }
        pending && match($0, /void [A-Za-z0-9_]+\(/) { print module, class, substr($0, RSTART + 5, RLENGTH - 6); pending = 0 }
      ' "$file"
    done < <(grep -rl --include='*FuzzTest.java' '@FuzzTest' "$ROOT/$module/src/test/java" | sort)
  done
}

fuzz_usage() {
  cat <<'USAGE'
Usage: ./ce fuzz                               lists the fuzz targets
       ./ce fuzz TARGET [--duration 5m]       fuzzes one target (coverage-guided, Jazzer); findings are saved as
                                             crash-* files in its corpus directory, and the test fails
       ./ce fuzz TARGET --merge               adds to the corpus the inputs of earlier runs that reach code the
                                             corpus does not, at most 20, those adding the most coverage first
TARGET is Class#method, or a class or method name that names one target. Durations: 30s, 5m, 1h, 1h30m.
--dry-run checks the arguments and prints what would run, without running it.
USAGE
}

run_fuzz() {
  local target="" duration="5m" merge=0 dry_run=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --duration) [ $# -ge 2 ] || { echo "ce fuzz: --duration needs a value, e.g. 5m." >&2; exit 2; }
                  duration="$2"; shift 2 ;;
      --duration=*) duration="${1#--duration=}"; shift ;;
      --merge) merge=1; shift ;;
      --dry-run) dry_run=1; shift ;;
      -h|--help) fuzz_usage; exit 0 ;;
      -*) echo "ce fuzz: unknown option '$1'." >&2; fuzz_usage >&2; exit 2 ;;
      *) [ -z "$target" ] || { echo "ce fuzz: one target at a time ('$target', '$1')." >&2; exit 2; }
         target="$1"; shift ;;
    esac
  done
  if ! [[ "$duration" =~ ^([0-9]+[smhd])+$ ]]; then
    echo "ce fuzz: --duration '$duration' is not a duration; write e.g. 30s, 5m, 1h or 1h30m." >&2
    exit 2
  fi
  local module class method line matches=()
  while read -r module class method; do
    if [ -z "$target" ] || [ "$target" = "${class##*.}#$method" ] || [ "$target" = "${class##*.}" ] \
       || [ "$target" = "$method" ] || [ "$target" = "$class#$method" ]; then
      matches+=("$module $class $method")
    fi
  done < <(fuzz_targets)
  if [ -z "$target" ]; then
    echo "Fuzz targets (./ce fuzz TARGET [--duration 5m]; see docs/fuzzing.md):"
    for line in "${matches[@]}"; do
      read -r module class method <<<"$line"
      printf '  %-48s %s\n' "${class##*.}#$method" "$module"
    done
    exit 0
  fi
  if [ "${#matches[@]}" -ne 1 ]; then
    echo "ce fuzz: '$target' names ${#matches[@]} targets; name one as Class#method (./ce fuzz lists them)." >&2
    exit 2
  fi
  read -r module class method <<<"${matches[0]}"
  local inputs="$ROOT/$module/src/test/resources/${class//.//}Inputs/$method"
  local generated="$ROOT/$module/.cifuzz-corpus/$class/$method"
  cd "$ROOT"
  if [ "$dry_run" -eq 1 ]; then
    if [ "$merge" -eq 1 ]; then
      echo "ce fuzz: would merge the inputs in ${generated#"$ROOT/"} into ${inputs#"$ROOT/"}."
    else
      echo "ce fuzz: would run: JAZZER_FUZZ=1 JAZZER_MAX_DURATION=$duration mvn -B -ntp test -pl $module -am" \
        "-Dtest=${class##*.}#$method -Dsurefire.failIfNoSpecifiedTests=false"
    fi
    exit 0
  fi
  if [ "$merge" -eq 0 ]; then
    echo "ce fuzz: fuzzing ${class##*.}#$method for $duration; new inputs go to ${generated#"$ROOT/"}," >&2
    echo "ce fuzz: findings to ${inputs#"$ROOT/"}/crash-*." >&2
    JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" maven -B -ntp test -pl "$module" -am \
      -Dtest="${class##*.}#$method" -Dsurefire.failIfNoSpecifiedTests=false
    exit $?
  fi
  [ -d "$generated" ] || { echo "ce fuzz: no inputs from earlier runs in ${generated#"$ROOT/"}; fuzz first." >&2; exit 1; }
  local scratch
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  maven -B -q -ntp test-compile dependency:build-classpath -pl "$module" -am -Dmdep.includeScope=test \
    -Dmdep.outputFile="$scratch/classpath" >&2
  mkdir -p "$scratch/corpus" "$scratch/found" "$inputs"
  cp -p "$inputs"/* "$scratch/corpus/" 2>/dev/null || true
  local file top="${ROOT#/}" skipped=0
  for file in "$generated"/*; do
    # Jazzer's path-traversal detector plants paths of this machine into inputs (whole or cut); they stay out.
    if grep -qaF -e "/${top%%/*}/" -e "$HOME" -e "${TMPDIR:-/tmp}/" -e "jazzer-traversal" "$file"; then
      skipped=$((skipped + 1))
    else
      cp -p "$file" "$scratch/found/"
    fi
  done
  # libFuzzer runs every input and records the coverage features of each (set-cover mode) in the control file.
  (cd "$ROOT/$module" && CE_VALIDATE_OUTPUT=1 "$JAVA_HOME/bin/java" -XX:+EnableDynamicAgentLoading -Xmx2g \
    -cp "$(cat "$scratch/classpath"):target/classes:target/test-classes" com.code_intelligence.jazzer.Jazzer \
    --target_class="$class" --target_method="$method" --instrumentation_includes='dev.pce.**' \
    -merge=1 -set_cover_merge=1 -use_counters=0 -merge_control_file="$scratch/control" \
    "$scratch/corpus" "$scratch/found") >"$scratch/merge.log" 2>&1 \
    || { grep -v '^INFO: Instrumented' "$scratch/merge.log" | tail -n 30 >&2; exit 1; }
  # Greedy set cover from what the corpus reaches: each round the input adding the most features, at most
  # MERGE_MAX of them, so the corpus (replayed in every build) stays small. Only the inputs checked above are
  # candidates: Jazzer adds the directories of its JUnit integration to the ones given.
  local added=0
  while IFS= read -r file; do
    cp -p "$file" "$inputs/"
    echo "${inputs#"$ROOT/"}/${file##*/}"
    added=$((added + 1))
  done < <(awk -v max="$MERGE_MAX" -v found="$scratch/found/" '
    NR == 1 { files = $1; next }
    NR == 2 { first = $1; next }
    NR <= files + 2 { path[NR - 3] = $0; next }
    $1 == "FT" {
      if ($2 < first) { for (i = 3; i <= NF; i++) covered[$i] = 1 }
      else if (index(path[$2], found) == 1) {
        features[$2] = ""; for (i = 3; i <= NF; i++) features[$2] = features[$2] " " $i
      }
    }
    END {
      for (picked = 0; picked < max; picked++) {
        best = -1; most = 0
        for (id in features) {
          n = split(features[id], f, " "); fresh = 0
          for (j = 1; j <= n; j++) if (!(f[j] in covered)) fresh++
          if (fresh > most) { most = fresh; best = id }
        }
        if (best < 0) break
        n = split(features[best], f, " ")
        for (j = 1; j <= n; j++) covered[f[j]] = 1
        print path[best]; delete features[best]
      }
    }' "$scratch/control")
  [ "$skipped" -eq 0 ] || echo "ce fuzz: left out $skipped input(s) that hold paths of this machine." >&2
  echo "ce fuzz: added $added input(s) to the corpus; review them, then commit." >&2
  exit 0
}
