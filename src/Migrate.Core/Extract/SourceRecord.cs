using Migrate.Core.Rejects;

namespace Migrate.Core.Extract;

/// <summary>
/// One record as a format read it, reused from record to record (no allocation per record): where
/// it is, and either its values in the mapping's column order or the reasons it cannot be read, with
/// the evidence the rejects file keeps (raw bytes or values).
/// </summary>
internal sealed class SourceRecord(int columns)
{
    /// <summary>The line the record starts on (delimited), its record number (fixed) or row number (database).</summary>
    public long Line { get; set; }

    /// <summary>The byte offset where the record starts in the file (0 for a database row).</summary>
    public long Offset { get; set; }

    /// <summary>The values, in the mapping's column order; the format overwrites every one for each record it stages.</summary>
    public string[] Values { get; } = new string[columns];

    /// <summary>Why the record cannot be read; empty for a record to stage.</summary>
    public List<RejectReason> Reasons { get; } = [];

    /// <summary>For a rejected record: its raw bytes in hexadecimal (files).</summary>
    public string? RawHex { get; set; }

    /// <summary>For a rejected record: its values by column (database rows).</summary>
    public IReadOnlyDictionary<string, string?>? RawValues { get; set; }

    /// <summary>
    /// True when no value holds a quote, a comma, CR or LF (see <see cref="StagingWriter.Write"/>):
    /// the staging writer then need not scan the values.
    /// </summary>
    public bool Unsplittable { get; set; }

    public bool IsRejected => Reasons.Count > 0;

    /// <summary>Starts the next record: no reasons, no evidence.</summary>
    public void Clear()
    {
        Reasons.Clear();
        RawHex = null;
        RawValues = null;
        Unsplittable = false;
    }

    /// <summary>Marks the record rejected for one reason, with its raw bytes as evidence.</summary>
    public void Reject(RejectReason reason, ReadOnlySpan<byte> raw)
    {
        Reasons.Add(reason);
        RawHex = Convert.ToHexString(raw);
    }
}
