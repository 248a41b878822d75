using static Mixwright.Tools.Roles.StemRole;

namespace Mixwright.Tools.Roles;

/// <summary>One row of the table: every word or phrase in it votes for the role with the given weight.</summary>
internal sealed record RoleKeywordRow(StemRole Role, int Weight, string Phrases);

/// <summary>
/// Words that studio file names use for each role, in English, common abbreviations, and the languages
/// sessions arrive in (German, French, Spanish, Italian, Portuguese, Dutch, Scandinavian, Russian,
/// Japanese, Chinese, Korean). Each matching phrase votes; the role with most votes wins.
///
/// Weights encode how specific a word is: phrases of two words (100) beat any single word, a clear
/// instrument word (55-60) beats a generic one (50), and modifiers such as "lead" or "acoustic" (30-45)
/// only decide when nothing else is named — so "Lead Vox" is the lead vocal, "Lead Gtr" a guitar and
/// "Bass Drum" a kick. Abbreviations that double as words ("oh", "sub") weigh a little less than the
/// plain words they might sit next to in a song title.
///
/// Phrases are lower case, separated by commas; a phrase of several words also matches its words run
/// together ("hi hat" matches "HiHat" and "hihat"). A trailing plural "s" is tried off automatically.
/// </summary>
internal static class RoleKeywordTable
{
    public static IReadOnlyList<RoleKeywordRow> Rows { get; } =
    [
        // Vocals: a vocal with no word for lead or backing.
        new(Vocals, 50, "vox, voc, vocal, voice, vocalist, singer, sing, gesang, stimme, voz, voix, chant, voce, canto, " +
                        "sang, zang, vokal, wokal, laulu, vocale, vocais, вокал, голос, ボーカル, ヴォーカル, 歌, 人声, 보컬"),

        new(Lead, 100, "lead vox, lead voc, lead vocal, lead voice, vox lead, vocal lead, main vox, main vocal, " +
                       "ld vox, lv, lead gesang, hauptgesang, leadgesang, voz principal, voix lead, chant lead, " +
                       "voce principale, lead vokal, 主唱, 리드 보컬"),
        new(Lead, 30, "lead, main"),

        new(BackingVocals, 100, "bv, bgv, bgvox, bvox, bkg vox, bkgd vox, back vox, backing vox, backing vocal, " +
                                "backing, backing voice, bg vox, bg vocal, harmony, harm, choir, chor, coro, cori, " +
                                "coros, choeur, choeurs, koor, kor, chorale, adlib, ad lib, dbl vox, double vox, vox dbl, " +
                                "backvocal, background vocal, hintergrundgesang, backgroundgesang, voces, бэк, " +
                                "бэк вокал, コーラス, 和声, 和音, 코러스"),
        new(BackingVocals, 30, "back, bg, bkg"),

        new(Kick, 100, "bass drum, kick drum, grosse caisse, bombo legüero, bass drm"),
        new(Kick, 60, "kick, kik, kck, bd, bassdrum, kickdrum, bombo, bumbo, cassa, бочка, キック, 底鼓, 킥"),

        new(Snare, 100, "caisse claire, snare drum, kleine trommel"),
        new(Snare, 60, "snare, sn, snr, sd, snaredrum, caja, rullante, caixa, rimshot, rim, малый, スネア, 军鼓, 스네어"),

        new(Hats, 100, "hi hat, high hat, hat open, hat closed"),
        new(Hats, 60, "hh, hat, hhat, charley, charleston, хэт, ハイハット, 踩镲, 하이햇"),

        new(Overheads, 55, "overhead, ovh, ohs, cymbal, cym, crash, ride, platillo, piatti, becken, bekken, тарелки, オーバーヘッド"),
        new(Overheads, 45, "oh"),

        new(Drums, 100, "drum room, drum loop, drum kit, drum bus, drum mix"),
        new(Drums, 50, "drum, drm, kit, drumkit, drumset, batterie, bateria, batteria, schlagzeug, trommel, trummor, " +
                       "trommer, rummut, perkusja, tom, floortom, ft, rack tom, room, loop, breakbeat, барабан, барабаны, " +
                       "ударные, ドラム, 鼓, 드럼"),

        new(Percussion, 55, "perc, percussion, shaker, tamb, tambourine, tambo, tamborim, pandeiro, " +
                            "clap, handclap, cowbell, triangle, guiro, cabasa, timbale, " +
                            "agogo, clave, woodblock, maraca, maracas, taiko, surdo, snap, fingersnap, " +
                            "perkussion, percusion, percussao, percussioni, перкуссия, パーカッション, 打击乐, 퍼커션"),

        new(Bass, 100, "double bass, synth bass, bass synth, bass guitar, bass gtr, electric bass, upright bass, sub bass, " +
                       "bass di, bass amp, bass mic"),
        new(Bass, 55, "bass, bajo, basse, basso, baixo, bassgtr, bassguitar, bas, subbass, contrabass, kontrabass, " +
                      "contrebasse, contrabajo, upright, бас, ベース, 贝斯, 베이스"),
        new(Bass, 45, "sub, bs"),

        new(AcousticGuitar, 100, "acoustic gtr, acoustic guitar, acoustic git, ac gtr, acc gtr, akustik gitarre, " +
                                 "akustikgitarre, guitarra acustica, guitare acoustique, chitarra acustica, nylon gtr, " +
                                 "steel gtr, 12 string, classical guitar, akustikgitarr, акустика, акустическая гитара, アコギ, 原声吉他, 어쿠스틱"),
        new(AcousticGuitar, 55, "ag, agtr, acgtr, violao, banjo, mandolin, mando, ukulele, uke, charango, dobro, cavaquinho"),
        new(AcousticGuitar, 45, "acoustic, akustik, acustica, acoustique, nylon"),

        new(ElectricGuitar, 100, "electric gtr, electric guitar, elec gtr, e gitarre, rhythm gtr, gtr amp, guitar amp"),
        new(ElectricGuitar, 50, "gtr, guitar, guit, git, gitarre, guitarra, guitare, chitarra, gitaar, gitarr, kitara, " +
                                "eg, egtr, elgtr, egt, dist, crunch, гитара, ギター, 吉他, 기타"),
        new(ElectricGuitar, 45, "electric, elec"),

        new(Piano, 100, "grand piano, acoustic piano, upright piano"),
        new(Piano, 55, "piano, pno, pn, pf, klavier, flugel, pianoforte, pianino, фортепиано, пианино, рояль, ピアノ, 钢琴, 피아노"),

        new(Keys, 100, "e piano, electric piano, el piano"),
        new(Keys, 50, "keys, key, kbd, keyboard, keyb, rhodes, wurli, wurlitzer, ep, epiano, organ, orgel, organo, orgue, " +
                      "hammond, b3, clav, clavinet, mellotron, tastiere, tastiera, teclado, claviers, clavier, " +
                      "toetsen, keyboards, celesta, harpsichord, cembalo, vibes, vibraphone, marimba, xylophone, glock, " +
                      "glockenspiel, клавиши, орган, キーボード, オルガン, 键盘, 건반"),

        new(Synth, 100, "lead synth, synth lead, synth pluck, synth arp"),
        new(Synth, 50, "synth, syn, synthesizer, synthesiser, arp, pluck, seq, sequence, moog, juno, synthe, sintetizador, " +
                       "synthi, синт, синтезатор, シンセ, 合成器, 신스"),

        new(Pad, 100, "string pad, synth pad, pad synth"),
        new(Pad, 55, "pad, atmos, atmo, drone, texture, wash, flächen, nappe, пэд, パッド, 铺底, 패드"),

        new(Strings, 55, "str, strs, string, celli, " +
                         "violoncello, streicher, cuerdas, cordes, archi, cordas, strijkers, orch, orchestra, quartet, " +
                         "струнные, ストリングス, 弦乐, 스트링"),

        new(Brass, 55, "brass, horn, hrn, tpt, trp, trumpet, trompete, trompeta, tromba, trompette, trombone, tbn, tbone, " +
                       "posaune, tuba, flugelhorn, euphonium, sousaphone, sax, saxophone, saxofon, saxophon, blaser, " +
                       "blaeser, metales, metais, cuivres, ottoni, harmonica, духовые, труба, саксофон, ブラス, ホーン, 铜管, 브라스"),

        // Roles beyond the rock band. A lead instrument is named by what it does ("solo", "melody"), in phrase or word.
        new(LeadInstrument, 100, "lead gtr, lead guitar, solo gtr, guitar solo, gtr solo, trumpet solo, sax solo, lead melody, " +
                                 "lead instrument, solo instrument, melodia principal, mélodie principale, hauptmelodie, 主旋律, 리드 멜로디"),
        new(LeadInstrument, 60, "solo, melody, melodie, melodia, mélodie, мелодия, メロディ, 旋律, 멜로디"),
        new(BowedStrings, 60, "vln, vn, violin, violine, geige, viola, vla, cello, vc, vlc, violoncello, violon, violino, fiddle, " +
                              "erhu, sarangi, kamancheh, kemenche, morin khuur, rebab, nyckelharpa, gadulka, gusle, haegeum, kokyu, " +
                              "скрипка, виолончель, 二胡, ヴァイオリン, 바이올린, 해금"),
        new(PluckedStrings, 60, "sitar, koto, oud, ud, kora, bouzouki, harp, harfe, arpa, harpe, shamisen, guzheng, pipa, " +
                                "balalaika, saz, baglama, guqin, gayageum, tar, setar, veena, sarod, santoor, kanun, qanun, " +
                                "ngoni, valiha, domra, 琴, 琵琶, 古筝, 三味線, 箏, 가야금, балалайка, домра, арфа"),
        new(Woodwinds, 60, "woodwinds, winds, fiati, vientos, holzblaser, flute, flöte, flote, flauta, flauto, flûte, piccolo, " +
                           "clarinet, klarinette, clarinette, clarinete, oboe, hautbois, bassoon, fagott, basson, recorder, " +
                           "blockflöte, shakuhachi, bansuri, dizi, xiao, ney, duduk, zurna, suling, quena, pan flute, panpipes, " +
                           "tin whistle, whistle, kaval, флейта, кларнет, 笛子, 尺八, 플루트"),
        new(HandPercussion, 60, "tabla, djembe, darbuka, darabukka, doumbek, dumbek, conga, congas, bongo, bongos, cajon, cajón, " +
                                "udu, frame drum, bodhran, riq, daf, tar drum, kanjira, mridangam, dhol, dholak, talking drum, " +
                                "bata, tombak, zarb, hand drum, handpan, табла, タブラ, 手鼓, 젬베"),

        new(Fx, 55, "fx, sfx, efx, effect, effects, riser, sweep, impact, whoosh, noise, foley, ambience, ambiance, " +
                    "reverse, uplifter, downlifter, transition, texturefx, efectos, effets, effekte, эффекты, 効果音, 音效, 효과"),
    ];

    /// <summary>When votes tie, the more specific role wins.</summary>
    public static IReadOnlyList<StemRole> TieBreakOrder { get; } =
    [
        Lead, LeadInstrument, BackingVocals, Kick, Snare, Hats, Overheads, HandPercussion, Percussion, Bass,
        PluckedStrings, BowedStrings, Woodwinds, AcousticGuitar, ElectricGuitar,
        Piano, Keys, Pad, Synth, Strings, Brass, Fx, Drums, Vocals, Other,
    ];
}
