#!/usr/bin/env bash
# Adds an EF Core migration without the dotnet-ef global tool (the package mirror lacks it):
# runs ef.dll from the Microsoft.EntityFrameworkCore.Tools package the project already references.
# Usage: src/PreventionStrategy.Web/Data/add-migration.sh MigrationName
set -euo pipefail
name=${1:?usage: add-migration.sh MigrationName}
project_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$project_dir"
dotnet build -p:SkipFrontendBuild=true -v q >/dev/null
version=$(sed -n 's/.*"Microsoft.EntityFrameworkCore.Tools" Version="\([^"]*\)".*/\1/p' ../../Directory.Packages.props)
ef=$(ls "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/microsoft.entityframeworkcore.tools/"$version"/tools/net*/any/ef.dll | tail -n 1)
out=bin/Debug/net10.0
dotnet exec --depsfile $out/PreventionStrategy.Web.deps.json --runtimeconfig $out/PreventionStrategy.Web.runtimeconfig.json \
  "$ef" migrations add "$name" \
  --assembly $out/PreventionStrategy.Web.dll --project-dir . --root-namespace PreventionStrategy.Web \
  --output-dir Data/Migrations/Sqlite --context AppDbContext --language C#
