#!/usr/bin/env bash
# The web app is built by Vite, which needs Node.js 20.19 or newer (Debian 12's own nodejs is 18).
# Says what to install instead of failing deep inside the build.
need_major=20 need_minor=19
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Node.js ${need_major}.${need_minor}+ and npm are needed to build the web app: install them (https://nodejs.org, or NodeSource's Debian packages) and run this again." >&2
  exit 1
fi
version=$(node --version | sed 's/^v//')
major=${version%%.*}; rest=${version#*.}; minor=${rest%%.*}
if [ "$major" -lt "$need_major" ] || { [ "$major" -eq "$need_major" ] && [ "$minor" -lt "$need_minor" ]; }; then
  echo "Node.js $version is too old to build the web app: Vite needs ${need_major}.${need_minor} or newer. Install a newer Node.js and run this again." >&2
  exit 1
fi
