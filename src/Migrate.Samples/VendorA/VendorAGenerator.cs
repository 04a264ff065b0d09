using System.Collections.ObjectModel;

namespace Migrate.Samples;

/// <summary>
/// Streams vendor A's JUMIN.CSV and SHIEN.CSV from three parts: the population simulator
/// (<see cref="HouseholdSimulator"/>, <see cref="HistorySimulator"/>) lives through one household at a time,
/// the <see cref="DefectPlan"/> decides which rows carry which seeded defect, and the column tables
/// (<see cref="JuminLayout"/>, <see cref="ShienLayout"/>) render each row. Nothing but the current household
/// is kept, so memory stays flat for any number of persons. Every choice comes from seeded
/// <see cref="SampleRandom"/> streams in a fixed order — per row: the defect, then the clerical habits — so
/// the same (seed, persons) gives byte-identical files (ByteIdentityTests guards it).
/// </summary>
internal sealed class VendorAGenerator : IResidentSink
{
    private const int ProgressEvery = 10_000;
    private const int FlushThreshold = 1 << 20;

    private readonly long _total;
    private readonly HouseholdSimulator _population;
    private readonly DefectPlan _defects;
    private readonly RecordingHabits _habits;
    private readonly CsvByteWriter _jumin;
    private readonly CsvByteWriter _shien;
    private readonly JuminRow _row = new();

    private long _juminRows;
    private long _shienRows;

    public VendorAGenerator(long persons, int seed, Stream jumin, Stream shien)
    {
        _total = persons;
        var data = VendorAData.Instance;
        var random = new SampleRandom(seed, 1);
        var draws = new PopulationDraws(random, data);
        var numbers = new ResidentNumbers();
        _population = new HouseholdSimulator(draws, numbers, new HistorySimulator(draws, numbers, this));
        _defects = new DefectPlan(seed, random, data, JuminLayout.Instance.Count);
        _habits = new RecordingHabits(random, data);
        _jumin = new CsvByteWriter(jumin, FlushThreshold + (64 * 1024));
        _shien = new CsvByteWriter(shien, 256 * 1024);
    }

    public async Task<SampleSummary> RunAsync(string vendor, IProgress<long>? progress, CancellationToken ct)
    {
        JuminLayout.Instance.WriteHeader(_jumin);
        ShienLayout.Instance.WriteHeader(_shien);
        long nextProgress = ProgressEvery;
        long reported = -1;
        while (_population.Persons < _total)
        {
            ct.ThrowIfCancellationRequested();
            _population.Next(_total - _population.Persons);

            long persons = _population.Persons;
            if (persons >= nextProgress)
            {
                progress?.Report(persons);
                reported = persons;
                nextProgress = ((persons / ProgressEvery) + 1) * ProgressEvery;
            }

            if (_jumin.Pending >= FlushThreshold)
            {
                await _jumin.FlushAsync(ct).ConfigureAwait(false);
            }

            if (_shien.Pending >= FlushThreshold)
            {
                await _shien.FlushAsync(ct).ConfigureAwait(false);
            }
        }

        await _jumin.FlushAsync(ct).ConfigureAwait(false);
        await _shien.FlushAsync(ct).ConfigureAwait(false);
        if (reported != _population.Persons)
        {
            progress?.Report(_population.Persons);
        }

        var rows = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [VendorASample.JuminFile] = _juminRows,
            [VendorASample.ShienFile] = _shienRows,
        };
        var defects = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int k = 0; k < _defects.Counts.Count; k++)
        {
            defects[SampleDefectKinds.All[k]] = _defects.Counts[k];
        }

        return new SampleSummary(vendor, _population.Persons, new ReadOnlyDictionary<string, long>(rows), new ReadOnlyDictionary<string, long>(defects));
    }

    public void HistoryRow(Resident resident, int rireki, LifeEvent ev, bool last)
    {
        // The order of these draws is the sample's identity: defect first, then dates, then the memo.
        var row = _row.Start(resident, rireki, ev, last);
        _defects.Plan(row, _juminRows);
        _habits.DrawDates(row);
        row.Memo = row.Defect == DefectPlan.EncodingInvalid ? _defects.CorruptMemo() : _habits.Memo(resident);

        int rowStart = _jumin.Pending;
        JuminLayout.Instance.WriteFields(_jumin, row);
        if (row.DroppedColumn > 0)
        {
            _jumin.DropField(rowStart, row.DroppedColumn);
        }

        _jumin.EndRow();
        _juminRows++;
        _defects.Written(row);
    }

    public void SupportMeasures(Resident resident)
    {
        for (int i = 0; i < resident.SupportCount; i++)
        {
            ShienLayout.Instance.WriteFields(_shien, new ShienRow(resident.Atena, resident.Supports[i]));
            _shien.EndRow();
            _shienRows++;
        }
    }
}
