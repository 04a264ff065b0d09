namespace Migrate.Core.Standard;

/// <summary>
/// Check-digit rules a standard item may name. Sources: 個人番号 — 行政手続における特定の個人を識別する
/// ための番号の利用等に関する法律施行令 第8条; 地方公共団体コード — 総務省 全国地方公共団体コード仕様;
/// 宛名番号 modulus 11 weights 2–7 (remainder 1 is unspecified, so it is accepted as check 0 here).
/// </summary>
internal static class CheckDigitRules
{
    public const string MyNumber = "my-number";
    public const string LocalGovernmentCode = "lg-code";
    public const string Modulus11 = "mod11-w2-7";

    public static IReadOnlyList<string> Names { get; } = [MyNumber, LocalGovernmentCode, Modulus11];

    public static bool IsKnown(string rule) => Names.Contains(rule);

    public static bool IsValid(string rule, string value) => rule switch
    {
        MyNumber => IsValidMyNumber(value),
        LocalGovernmentCode => IsValidLocalGovernmentCode(value),
        Modulus11 => IsValidModulus11(value),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown check-digit rule"),
    };

    public static string Describe(string rule) => rule switch
    {
        MyNumber => "個人番号 check digit (12 digits)",
        LocalGovernmentCode => "地方公共団体コード check digit (6 digits)",
        Modulus11 => "modulus-11 check digit (weights 2-7 from the right)",
        _ => rule,
    };

    /// <summary>check = 11 − (Σ dᵢ·wᵢ mod 11), weights 6,5,4,3,2,7,6,5,4,3,2 left to right; remainder 0 or 1 → 0.</summary>
    public static bool IsValidMyNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 12 || !AllDigits(value)) return false;
        ReadOnlySpan<int> weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        var sum = 0;
        for (var i = 0; i < 11; i++) sum += (value[i] - '0') * weights[i];
        var remainder = sum % 11;
        var check = remainder <= 1 ? 0 : 11 - remainder;
        return value[11] - '0' == check;
    }

    /// <summary>r = (6a+5b+4c+3d+2e) mod 11 over the 5-digit code; check = (11 − r) mod 10.</summary>
    public static bool IsValidLocalGovernmentCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 6 || !AllDigits(value)) return false;
        var sum = 0;
        for (var i = 0; i < 5; i++) sum += (value[i] - '0') * (6 - i);
        var check = (11 - sum % 11) % 10;
        return value[5] - '0' == check;
    }

    /// <summary>Weights 2,3,4,5,6,7,2,3… from the right over the digits before the check digit.</summary>
    public static bool IsValidModulus11(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < 2 || !AllDigits(value)) return false;
        var sum = 0;
        var weight = 2;
        for (var i = value.Length - 2; i >= 0; i--)
        {
            sum += (value[i] - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        var remainder = sum % 11;
        var check = remainder <= 1 ? 0 : 11 - remainder;
        return value[^1] - '0' == check;
    }

    private static bool AllDigits(string value)
    {
        foreach (var c in value)
            if (c is < '0' or > '9') return false;
        return true;
    }
}
