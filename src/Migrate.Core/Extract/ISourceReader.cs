namespace Migrate.Core.Extract;

/// <summary>
/// Reads the records of one opened source, in order, into a <see cref="SourceRecord"/> the caller
/// reuses: the values of a readable record, or the reasons (and raw evidence) of one that is not.
/// Structural problems that make the whole source unreadable (a header that does not match, the
/// wrong encoding) are thrown as <see cref="Diagnostics.MigrateException"/>.
/// </summary>
internal interface ISourceReader : IAsyncDisposable
{
    /// <summary>The source as the rejects and the manifest name it: the file's name, or the table or query:SOURCE.</summary>
    string Name { get; }

    /// <summary>
    /// How far reading has come, in the unit progress counts this source in: a file's byte offset
    /// (the file's length once it is read to the end), or a database's rows.
    /// </summary>
    long Position { get; }

    /// <summary>
    /// True when a value may hold a lone surrogate (a database text column can); values strictly
    /// decoded from a file cannot, and the staging writer then does not look for one.
    /// </summary>
    bool MayHoldLoneSurrogates { get; }

    /// <summary>Reads the next record into <paramref name="record"/>; false at the end of the source.</summary>
    /// <remarks>
    /// File formats complete synchronously: per-record asynchronous reads of a local file cost more
    /// than the parsing (measured with dotnet-trace), and the work is CPU-bound.
    /// </remarks>
    ValueTask<bool> ReadAsync(SourceRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Judges what only the end of reading can tell (an empty file that should hold a header, an
    /// encoding sample of fewer records than its size); called once the caller stops reading.
    /// </summary>
    void Finish();

    /// <summary>What the manifest records about the source, once it is read.</summary>
    SourceOrigin Origin();
}
