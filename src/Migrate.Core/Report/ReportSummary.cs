namespace Migrate.Core.Report;

public sealed record ReportSummary(
    int Findings,
    IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyDictionary<string, int> ByDisposition,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long RowsFiltered,
    long GaijiResolved,
    long GaijiReduced,
    long GaijiUnresolved,
    bool Balanced);
