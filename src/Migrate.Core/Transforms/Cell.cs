namespace Migrate.Core.Transforms;

/// <summary>
/// The value travelling through a pipeline. A date that is 不詳 has no <see cref="Value"/> but carries
/// <see cref="DateUnknown"/> and its notation, which the engine writes to the standard's companion items.
/// </summary>
public readonly record struct Cell(string? Value, bool DateUnknown = false, string? UnknownText = null)
{
    public bool IsEmpty => string.IsNullOrEmpty(Value) && !DateUnknown;
}
