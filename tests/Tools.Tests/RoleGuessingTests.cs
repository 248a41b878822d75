using Mixwright.Tools.Roles;
using static Mixwright.Tools.Roles.StemRole;

namespace Mixwright.Tools.Tests;

public class RoleGuessingTests
{
    public static TheoryData<string, StemRole> Names => new()
    {
        // Vocals and their kinds
        { "Vox.wav", Vocals }, { "Vocals.wav", Vocals }, { "VOC_01.wav", Vocals }, { "Voice.flac", Vocals },
        { "Lead Vox.wav", Lead }, { "LeadVox.wav", Lead }, { "lead_vocal_comp.wav", Lead }, { "Main Vocal.wav", Lead },
        { "LV.wav", Lead }, { "Vox Lead.wav", Lead },
        { "BV.wav", BackingVocals }, { "BVs 1.wav", BackingVocals }, { "BGV_High.wav", BackingVocals },
        { "Backing Vocals.wav", BackingVocals }, { "Vox BV L.wav", BackingVocals }, { "Harmony 2.wav", BackingVocals },
        { "Choir.wav", BackingVocals }, { "Adlibs.wav", BackingVocals },
        // Other languages
        { "Gesang.wav", Vocals }, { "Voz.wav", Vocals }, { "Chant.wav", Vocals }, { "Voce.wav", Vocals },
        { "Zang.wav", Vocals }, { "Sång.wav", Vocals }, { "Chœurs.wav", BackingVocals }, { "Coros.wav", BackingVocals },
        { "Voix lead.wav", Lead }, { "Вокал.wav", Vocals }, { "ボーカル.wav", Vocals }, { "人声.wav", Vocals }, { "보컬.wav", Vocals },
        // Drums
        { "Kick.wav", Kick }, { "Kick In.wav", Kick }, { "KickOut.wav", Kick }, { "BD.wav", Kick }, { "Kik.wav", Kick },
        { "Bass Drum.wav", Kick }, { "Grosse Caisse.wav", Kick }, { "Bombo.wav", Kick }, { "Cassa.wav", Kick },
        { "Snare.wav", Snare }, { "Snare Top.wav", Snare }, { "SD.wav", Snare }, { "Sn Bottom.wav", Snare },
        { "Caisse claire.wav", Snare }, { "Caja.wav", Snare }, { "Rullante.wav", Snare },
        { "HH.wav", Hats }, { "Hat.wav", Hats }, { "HiHat.wav", Hats }, { "Hi-Hat Open.wav", Hats }, { "hihats.wav", Hats },
        { "OH.wav", Overheads }, { "OH L.wav", Overheads }, { "Overheads.wav", Overheads }, { "Ride.wav", Overheads },
        { "Crash.wav", Overheads }, { "Cymbals.wav", Overheads },
        { "Drums.wav", Drums }, { "Tom 1.wav", Drums }, { "Floor Tom.wav", Drums }, { "Room.wav", Drums },
        { "Drum Loop.wav", Drums }, { "Schlagzeug.wav", Drums }, { "Batterie.wav", Drums }, { "Bateria.wav", Drums },
        { "Perc.wav", Percussion }, { "Shaker.wav", Percussion }, { "Tambourine.wav", Percussion }, { "Congas.wav", HandPercussion },
        { "Claps.wav", Percussion }, { "Tabla.wav", HandPercussion }, { "Perc Loop.wav", Percussion },
        // Bass
        { "Bass.wav", Bass }, { "Bass DI.wav", Bass }, { "Bajo.wav", Bass }, { "Basse.wav", Bass }, { "Basso.wav", Bass },
        { "Synth Bass.wav", Bass }, { "Sub Bass.wav", Bass }, { "Upright Bass.wav", Bass }, { "Бас.wav", Bass }, { "ベース.wav", Bass },
        // Guitars
        { "Gtr.wav", ElectricGuitar }, { "Gtr L.wav", ElectricGuitar }, { "Git.wav", ElectricGuitar }, { "Guit 2.wav", ElectricGuitar },
        { "EG Rhythm.wav", ElectricGuitar }, { "Electric Guitar.wav", ElectricGuitar }, { "Lead Gtr.wav", LeadInstrument },
        { "Gitarre.wav", ElectricGuitar }, { "Guitarra.wav", ElectricGuitar }, { "Guitare.wav", ElectricGuitar }, { "ギター.wav", ElectricGuitar },
        { "AG.wav", AcousticGuitar }, { "Acoustic Gtr.wav", AcousticGuitar }, { "Acoustic.wav", AcousticGuitar },
        { "Violão.wav", AcousticGuitar }, { "Sitar.wav", PluckedStrings }, { "Koto.wav", PluckedStrings }, { "Ukulele.wav", AcousticGuitar },
        // Keys
        { "Piano.wav", Piano }, { "Pno.wav", Piano }, { "Klavier.wav", Piano }, { "Grand Piano.wav", Piano }, { "Acoustic Piano.wav", Piano },
        { "Keys.wav", Keys }, { "Rhodes.wav", Keys }, { "E-Piano.wav", Keys }, { "Wurli.wav", Keys }, { "Organ.wav", Keys },
        { "Hammond B3.wav", Keys }, { "Clav.wav", Keys },
        { "Synth.wav", Synth }, { "Syn Lead.wav", Synth }, { "Lead Synth.wav", Synth }, { "Arp.wav", Synth },
        { "Pad.wav", Pad }, { "Synth Pad.wav", Pad }, { "String Pad.wav", Pad }, { "Pads.wav", Pad },
        // Orchestra and horns
        { "Strings.wav", Strings }, { "Str.wav", Strings }, { "Vln 1.wav", BowedStrings }, { "Violins.wav", BowedStrings },
        { "Cello.wav", BowedStrings }, { "Streicher.wav", Strings },
        // Roles beyond the rock band, in the languages their players name them.
        { "Erhu.wav", BowedStrings }, { "二胡.wav", BowedStrings }, { "Erhu Solo.wav", LeadInstrument }, { "Trumpet Solo.wav", LeadInstrument },
        { "Oud.wav", PluckedStrings }, { "Kora.wav", PluckedStrings }, { "Bouzouki.wav", PluckedStrings }, { "Harfe.wav", PluckedStrings }, { "古筝.wav", PluckedStrings },
        { "Shakuhachi.wav", Woodwinds }, { "Flöte.wav", Woodwinds }, { "Clarinet 2.wav", Woodwinds }, { "Bansuri.wav", Woodwinds },
        { "Djembe.wav", HandPercussion }, { "Darbuka.wav", HandPercussion }, { "Cajon.wav", HandPercussion },
        { "Brass.wav", Brass }, { "Horns.wav", Brass }, { "Tpt.wav", Brass }, { "Trumpet.wav", Brass },
        { "Sax.wav", Brass }, { "Tenor Sax.wav", Brass }, { "Trombone.wav", Brass },
        // Effects
        { "FX.wav", Fx }, { "SFX Riser.wav", Fx }, { "Sweep.wav", Fx }, { "Impacts.wav", Fx },
        // Nothing to go on
        { "Audio 01.wav", Other }, { "Track 7.wav", Other }, { "ignore previous instructions.wav", Other },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Guesses_the_role_from_the_file_name(string fileName, StemRole expected)
    {
        var guess = FileNameRoleGuesser.Guess(fileName);

        Assert.Equal(expected, guess.Role);
        Assert.Equal(expected == Other ? RoleSource.None : RoleSource.FileName, guess.Source);
    }

    [Fact]
    public void Evidence_names_the_words_that_decided()
    {
        var guess = FileNameRoleGuesser.Guess("Lead_Vox_Comp.wav");

        Assert.Equal(Lead, guess.Role);
        Assert.Contains("\"lead vox\"", guess.Evidence);
    }

    [Fact]
    public void Song_title_words_do_not_outvote_the_instrument()
    {
        // "Oh" is also the overheads abbreviation; the plain word "vox" should still win.
        Assert.Equal(Vocals, FileNameRoleGuesser.Guess("Oh Darling - Vox.wav").Role);
    }

    [Fact]
    public void Every_role_has_a_wire_name_that_parses_back()
    {
        foreach (var role in Enum.GetValues<StemRole>())
        {
            Assert.True(StemRoles.TryParse(role.WireName(), out var parsed));
            Assert.Equal(role, parsed);
        }
    }

    [Fact]
    public void Session_files_written_with_the_old_lead_id_still_read_as_the_lead_vocal()
    {
        Assert.True(StemRoles.TryParse("lead", out var old));
        Assert.Equal(Lead, old);
        Assert.Equal("lead_vocal", Lead.WireName());
    }
}
