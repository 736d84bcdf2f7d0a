#!/usr/bin/env bash
# The growth benchmark of issue 7 (results: src/site/markdown/benchmarks.md, "Growth"). Builds the api module's test
# classpath through the reactor (no `mvn install`: sibling modules resolve to their target/classes), then runs each
# size in a fresh JVM from api/ (data, databases and results under api/target/growth) and fits the exponents.
#   bench/growth.sh [SCALE...]        default: 1 3 10 100
# Heap and page cache per size: GROWTH_OPTS_<SCALE>="<-Xmx...> <page cache MiB>", e.g. GROWTH_OPTS_100="-Xmx12g 3072".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mvn -B -q -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile=target/growth.cp -Dmdep.includeScope=test
cp="$root/api/target/test-classes:$root/api/target/classes:$(cat api/target/growth.cp)"
main=io.kgrec.api.bench.growth.GrowthBenchmark
scales=("$@")
[ $# -eq 0 ] && scales=(1 3 10 100)
cd api
for s in "${scales[@]}"; do
  # The 100x store is about 15 GiB; an earlier run without a log retention limit filled the disk while writing the model.
  free_gib=$(df -BG --output=avail . | tail -1 | tr -dc 0-9)
  if [ "$s" = 100 ] && [ "$free_gib" -lt 40 ]; then
    echo "x100 needs about 40 GiB of free disk here; $free_gib GiB free" >&2
    exit 1
  fi
  var="GROWTH_OPTS_${s//./_}"
  case "$s" in 1) def="-Xmx2g 512";; 3) def="-Xmx3g 512";; 10) def="-Xmx6g 1024";; *) def="-Xmx12g 3072";; esac
  read -r xmx cache <<<"${!var:-$def}"
  echo "== x$s: $xmx, page cache $cache MiB, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  java "$xmx" -cp "$cp" "$main" run "$s" "$cache" 1000
done
java -cp "$cp" "$main" fit
