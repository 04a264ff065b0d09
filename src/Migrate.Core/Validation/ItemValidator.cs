using System.Globalization;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Standard;

namespace Migrate.Core.Validation;

/// <summary>
/// Checks a mapped value against its standard item: required, type, length, code list, character
/// rule and check digit. Returns the value in canonical form (integers without leading zeros, dates ISO).
/// </summary>
internal sealed class ItemValidator(StandardItem item, CodeList? codeList)
{
    public StandardItem Item { get; } = item;

    /// <summary>
    /// True when no value this validator accepts holds a quote, comma, CR, LF or a space at either
    /// end (numbers, flags, ISO dates, digits, full-width katakana): such a value is written to a CSV
    /// file without looking for what would need quoting.
    /// </summary>
    public bool AcceptsOnlyUnquotedCsv { get; } =
        item.Type is ItemType.Integer or ItemType.Decimal or ItemType.Flag or ItemType.Date || item.Chars is CharRule.Digits or CharRule.Katakana;

    public void Validate(ref string? value, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrEmpty(value))
        {
            value = null;
            if (Item.Required) problems.Add(new Problem(ErrorCodes.RequiredMissing, $"{Item.Name} is required but empty", Item.Id));
            return;
        }
        switch (Item.Type)
        {
            case ItemType.Integer:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    problems.Add(new Problem(ErrorCodes.TypeInteger, $"{Item.Name} must be a whole number (length {value.Length})", Item.Id));
                    return;
                }
                // Canonical already (no leading zeros or plus sign) in nearly every row: keep the string.
                Span<char> digits = stackalloc char[20];
                number.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
                if (!value.AsSpan().SequenceEqual(digits[..written])) value = new string(digits[..written]);
                break;
            case ItemType.Decimal:
                if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                    problems.Add(new Problem(ErrorCodes.TypeDecimal, $"{Item.Name} must be a number", Item.Id));
                break;
            case ItemType.Flag:
                if (value is not ("0" or "1"))
                    problems.Add(new Problem(ErrorCodes.TypeFlag, $"{Item.Name} must be 0 or 1, not '{Truncate(value)}'", Item.Id));
                break;
            case ItemType.Date:
                if (!Text.IsoDate.TryParse(value, out _))
                    problems.Add(new Problem(ErrorCodes.DateFormat, $"{Item.Name} must be a date YYYY-MM-DD after mapping; add a wareki or date transform", Item.Id));
                break;
        }

        if (Item.Length is { } max)
        {
            var length = CharacterLength(value);
            if (length > max) problems.Add(new Problem(ErrorCodes.LengthExceeded, $"{Item.Name} has {length} characters, at most {max} allowed", Item.Id));
            else if (Item.FixedLength && length != max) problems.Add(new Problem(ErrorCodes.LengthExact, $"{Item.Name} has {length} characters, exactly {max} required", Item.Id));
        }
        if (Item.Pattern is { } pattern && !pattern.IsMatch(value))
            problems.Add(new Problem(ErrorCodes.PatternMismatch, $"{Item.Name} does not have the form {pattern.Description} (length {value.Length})", Item.Id));
        if (codeList is not null && !codeList.Contains(value, Item.CodeChain))
            problems.Add(new Problem(ErrorCodes.CodeNotInList, $"'{value}' is not in the standard code list {codeList.Name}", Item.Id));
        if (CharacterRules.Check(Item.Chars, value) is { } charProblem)
            problems.Add(charProblem with { Message = $"{Item.Name}: {charProblem.Message}", Item = Item.Id });
        if (Item.CheckDigit is { } rule && !CheckDigitRules.IsValid(rule, value))
            problems.Add(new Problem(ErrorCodes.CheckDigit(rule), $"{Item.Name} fails the {CheckDigitRules.Describe(rule)}", Item.Id));
    }

    /// <summary>Characters as the standard counts them: code points, with IVS selectors belonging to their base.</summary>
    public static int CharacterLength(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Without surrogates every UTF-16 unit is one character (IVS selectors are surrogate pairs).
        if (value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return value.Length;
        var count = 0;
        foreach (var rune in value.EnumerateRunes())
            if (rune.Value is < 0xE0100 or > 0xE01EF) count++;
        return count;
    }

    // Only short codes and flags are echoed; never long text that may be personal.
    private static string Truncate(string value) => value.Length <= 4 ? value : value[..4] + "…";
}
