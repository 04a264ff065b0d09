namespace Migrate.Core.Transforms;

/// <summary>A transform that reads legacy columns besides its input (so those columns count as used).</summary>
internal interface IReadsColumns
{
    IReadOnlyList<string> Columns { get; }
}
