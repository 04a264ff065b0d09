namespace Migrate.Core.Load;

/// <summary>What <see cref="LoadValueConverter.CheckField"/> parsed: an integer's or flag's number, a date's date.</summary>
public readonly record struct CheckedValue(long Number, DateOnly Date);
