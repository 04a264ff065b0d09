namespace Migrate.Core.Transforms;

/// <summary>
/// The value travelling through a pipeline. A date that is 不詳 has no <see cref="Value"/> but carries
/// <see cref="DateUnknown"/> and its notation, which the engine writes to the standard's companion items;
/// a 和暦 date also carries its era and year as written (<see cref="EraYear"/>: 明治45年, 大正元年).
/// </summary>
internal readonly record struct Cell(string? Value, bool DateUnknown = false, string? UnknownText = null, string? EraYear = null)
{
    public bool IsEmpty => string.IsNullOrEmpty(Value) && !DateUnknown;
}
