#!/usr/bin/env bash
# Adds an EF Core migration for both providers, each in its own folder (Data/Migrations/Sqlite and
# Data/Migrations/PostgreSql), without the dotnet-ef global tool (the package mirror lacks it): runs ef.dll
# from the Microsoft.EntityFrameworkCore.Tools package the project already references. The design-time
# factory (DesignTimeDbContextFactory) builds the model for the provider named in Database__Provider.
#
# Every form ends by writing the compiled models again (Data/CompiledModels/<provider>, see compiled_model below).
#
# Usage:
#   src/PreventionStrategy.Web/Data/add-migration.sh MigrationName
#       one migration per provider, both named MigrationName
#   src/PreventionStrategy.Web/Data/add-migration.sh --compiled-model
#       only the compiled model, after a change to the model that needs no migration (a query filter, a converter)
#   src/PreventionStrategy.Web/Data/add-migration.sh --regenerate-postgresql
#       deletes Data/Migrations/PostgreSql and makes it again as one migration (InitialPostgreSql) from the
#       current model: after merging branches that added SQLite migrations only. Only while no PostgreSQL
#       site runs in production; after that, add migrations with the first form.
set -euo pipefail
arg=${1:?usage: add-migration.sh MigrationName | --regenerate-postgresql | --compiled-model}
project_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$project_dir"
# Built without the compiled model: the tools build the model from AppDbContext's configuration, and an outdated
# compiled model (one naming a class since removed) cannot stop the build.
design_build() { dotnet build -p:SkipFrontendBuild=true -p:WithoutCompiledModel=true -v q >/dev/null; }
design_build
version=$(sed -n 's/.*"Microsoft.EntityFrameworkCore.Tools" Version="\([^"]*\)".*/\1/p' ../../Directory.Packages.props)
ef=$(ls "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/microsoft.entityframeworkcore.tools/"$version"/tools/net*/any/ef.dll | tail -n 1)
out=bin/Debug/net10.0

add() { # provider name
  # EF's tools write the snapshot beside any file of the same name they find in the project, which would be
  # the other provider's: that one is moved aside while this provider's migration is made.
  local other=Sqlite
  [ "$1" = Sqlite ] && other=PostgreSql
  local snapshot="Data/Migrations/$other/AppDbContextModelSnapshot.cs"
  [ -f "$snapshot" ] && mv "$snapshot" "$snapshot.aside"
  trap '[ -f "'"$snapshot"'.aside" ] && mv "'"$snapshot"'.aside" "'"$snapshot"'"' EXIT
  Database__Provider=$1 dotnet exec --depsfile $out/PreventionStrategy.Web.deps.json --runtimeconfig $out/PreventionStrategy.Web.runtimeconfig.json \
    "$ef" migrations add "$2" \
    --assembly $out/PreventionStrategy.Web.dll --project-dir . --root-namespace PreventionStrategy.Web \
    --output-dir "Data/Migrations/$1" --context AppDbContext --language C#
  mv "$snapshot.aside" "$snapshot" 2>/dev/null || true
  trap - EXIT
}

# Each provider's compiled model: the site uses it instead of building the model on every start (the largest part of a
# cold start). EF Core's generator refuses query filters, so the design-time factory leaves them out when it is
# given --compiled-model, and CompiledModels/CompiledModelQueryFilters.cs adds them back (ArchivedMilestoneFilters.AddTo). CompiledModelTests fail
# when the compiled model and AppDbContext's configuration differ.
compiled_model() {
  local provider
  for provider in Sqlite PostgreSql; do
    rm -rf "Data/CompiledModels/$provider"
    Database__Provider=$provider dotnet exec --depsfile $out/PreventionStrategy.Web.deps.json --runtimeconfig $out/PreventionStrategy.Web.runtimeconfig.json \
      "$ef" dbcontext optimize \
      --assembly $out/PreventionStrategy.Web.dll --project-dir . --root-namespace PreventionStrategy.Web \
      --output-dir "Data/CompiledModels/$provider" --namespace "PreventionStrategy.Web.Data.CompiledModels.$provider" \
      --context AppDbContext --language C# -- --compiled-model
    # The site chooses the compiled model by provider (DatabaseProvider.Use); EF Core's attribute would choose
    # one model for both.
    rm -f "Data/CompiledModels/$provider/AppDbContextAssemblyAttributes.cs"
  done
}

if [ "$arg" = "--compiled-model" ]; then
  compiled_model
  exit 0
fi

if [ "$arg" = "--regenerate-postgresql" ]; then
  rm -rf Data/Migrations/PostgreSql
  # The build must no longer hold the deleted migrations before the new one is made from the model.
  design_build
  add PostgreSql InitialPostgreSql
else
  add Sqlite "$arg"
  add PostgreSql "$arg"
fi
compiled_model
