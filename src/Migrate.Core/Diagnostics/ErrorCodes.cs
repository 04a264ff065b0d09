namespace Migrate.Core.Diagnostics;

/// <summary>Stable reason codes. Reports, rejects files and decisions refer to these strings.</summary>
internal static class ErrorCodes
{
    public const string EncodingInvalid = "encoding.invalid";
    public const string CsvColumnCount = "csv.column-count";
    public const string CsvBadQuote = "csv.bad-quote";
    public const string CsvUnclosedQuote = "csv.unclosed-quote";
    public const string CsvRecordTooLong = "csv.record-too-long";
    public const string FixedRecordLength = "fixed.record-length";
    public const string FixedSplitCharacter = "fixed.split-character";
    public const string FixedNumber = "fixed.number";
    public const string DatabaseBinary = "database.binary";
    public const string JoinOrphan = "join.orphan";
    public const string JoinDuplicateKey = "join.duplicate-key";

    public const string DateInvalid = "date.invalid";
    public const string DateFormat = "date.format";
    public const string DateEraUnknown = "date.era-unknown";
    public const string DateEraOutOfRange = "date.era-out-of-range";
    public const string DateBeforeGregorian = "date.before-gregorian";
    public const string DateUnknownNotAllowed = "date.unknown-not-allowed";

    public const string CodeUnknown = "code.unknown";
    public const string CodeNotInList = "code.not-in-standard-list";
    public const string RequiredMissing = "required.missing";
    public const string LengthExceeded = "length.exceeded";
    public const string LengthExact = "length.exact";
    public const string PatternMismatch = "pattern.mismatch";
    public const string RuleRequired = "rule.required";
    public const string RuleForbidden = "rule.forbidden";
    public const string TypeInteger = "type.integer";
    public const string TypeFlag = "type.flag";
    public const string TypeDecimal = "type.decimal";
    public const string CharsDigits = "chars.digits";
    public const string CharsKatakana = "chars.katakana";
    public const string CharsAscii = "chars.ascii";
    public const string CharsStandard = "chars.standard";
    public const string GaijiUnresolved = "gaiji.unresolved";
    public const string SplitMissingPart = "split.missing-part";

    public static string CheckDigit(string rule) => "check." + rule;
}
