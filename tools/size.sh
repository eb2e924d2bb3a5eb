#!/usr/bin/env bash
# Prints the raw and gzipped (gzip -9) size of every file under a directory, and the totals.
set -euo pipefail
dir="${1:-dist}"
if [ ! -d "$dir" ]; then
  echo "size: $dir does not exist; run make build first" >&2
  exit 1
fi
total_raw=0
total_gz=0
printf '%10s %10s  %s\n' raw gzip file
while IFS= read -r -d '' file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%10d %10d  %s\n' "$raw" "$gz" "${file#"$dir"/}"
done < <(find "$dir" -type f -print0 | sort -z)
printf '%10d %10d  %s\n' "$total_raw" "$total_gz" "total"
