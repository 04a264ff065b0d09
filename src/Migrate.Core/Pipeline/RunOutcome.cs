using Migrate.Core.Manifests;
using Migrate.Core.Report;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>What a command produced, for the console summary and --json.</summary>
public sealed record RunOutcome(Manifest Manifest, MigrationReport? Report, IReadOnlyList<string> ReportFiles, IReadOnlyList<string> FailOnMet);
