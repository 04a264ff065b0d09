namespace Migrate.Core.Report;

/// <summary>
/// The words a municipality may write for a disposition, in any of its decision files: the report's
/// Japanese wording (the workbook's drop-down offers exactly <see cref="Choices"/>) or the English
/// keywords of the YAML format. An empty cell means not decided yet.
/// </summary>
internal static class DispositionKeywords
{
    public const string AdoptStandard = "標準に合わせる";
    public const string Justified = "理由を付けて残す";
    public const string Feedback = "標準へ提案";
    public const string Pending = "未決定";

    /// <summary>The drop-down's choices, in the order the report explains them.</summary>
    public static IReadOnlyList<string> Choices { get; } = [AdoptStandard, Justified, Feedback, Pending];

    /// <summary>The English keywords of the YAML format.</summary>
    public static IReadOnlyList<string> English { get; } = ["adopt-standard", "justified", "feedback", "pending"];

    /// <summary>Every accepted spelling, for did-you-mean hints.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Choices, .. English];

    private static readonly Dictionary<string, Disposition> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        [AdoptStandard] = Disposition.AdoptStandard,
        ["adopt-standard"] = Disposition.AdoptStandard,
        [Justified] = Disposition.Justified,
        // The report has called a justified deviation 正当化済み; a file written from it keeps working.
        ["正当化済み"] = Disposition.Justified,
        ["正当化"] = Disposition.Justified,
        ["justified"] = Disposition.Justified,
        [Feedback] = Disposition.Feedback,
        ["feedback"] = Disposition.Feedback,
        [Pending] = Disposition.Pending,
        ["pending"] = Disposition.Pending,
    };

    /// <summary>The disposition written as <paramref name="text"/> (trimmed; blank is pending), or false.</summary>
    public static bool TryParse(string? text, out Disposition disposition)
    {
        var word = text?.Trim() ?? "";
        if (word.Length == 0)
        {
            disposition = Disposition.Pending;
            return true;
        }
        return Words.TryGetValue(word, out disposition);
    }

    /// <summary>The Japanese drop-down word for a disposition.</summary>
    public static string Japanese(Disposition disposition) => disposition switch
    {
        Disposition.AdoptStandard => AdoptStandard,
        Disposition.Justified => Justified,
        Disposition.Feedback => Feedback,
        _ => Pending,
    };

    /// <summary>The sentence every refused spelling ends with, in both languages.</summary>
    public static string Expected =>
        $"選べるのは {string.Join(" / ", Choices)} です (use one of {string.Join(", ", Choices)}, or {string.Join(", ", English)})";
}
