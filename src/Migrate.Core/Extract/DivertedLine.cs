namespace Migrate.Core.Extract;

/// <summary>Why <see cref="BoundedRecordReader"/> took a physical line away from the CSV reader.</summary>
internal enum DivertReason
{
    /// <summary>A quote opened on the line ran past the record bounds, or closed into a record of the wrong field count.</summary>
    UnclosedQuote,

    /// <summary>The line alone is longer than the largest record the source allows.</summary>
    TooLong,
}

/// <summary>
/// A physical line the CSV reader saw only as a marker row: why, how long it was (in bytes: the
/// reader reads Latin-1, one char per byte) and its first bytes, for the reject file.
/// </summary>
/// <param name="Detail">What happened, in words, for the reject's message (no values of the line).</param>
/// <param name="Head">The line's first bytes (at most <see cref="BoundedRecordReader.HeadLimit"/>).</param>
internal sealed record DivertedLine(DivertReason Reason, string Detail, long Length, byte[] Head);
