namespace Migrate.Core.Diagnostics;

/// <summary>
/// One reason a value or record could not be taken as it is. <see cref="Code"/> is stable
/// (pipelines and decisions refer to it); <see cref="Message"/> never contains the personal value itself.
/// </summary>
internal sealed record Problem(string Code, string Message, string? Item = null, string? Column = null)
{
    public Problem WithItem(string item, string? column) => this with { Item = Item ?? item, Column = Column ?? column };
}
