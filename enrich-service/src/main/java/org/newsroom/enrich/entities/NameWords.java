package org.newsroom.enrich.entities;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What single words (folded, without full stops) tell {@link EntityRecognizer} about the capitalised words around
 * them: titles and calendar words end a name, cues before or after one say it is a person's, and first or last
 * words say it is an organisation's, a place's or a thing's.
 */
final class NameWords {

    static final Set<String> TITLES = Set.of("president", "minister", "secretary", "state", "foreign",
            "deputy", "vice", "prime", "leader", "mr", "mrs", "ms", "dr", "senator", "sen", "governor", "gov",
            "general", "gen", "chancellor", "king", "queen", "pope", "special", "counsel", "chief", "ambassador",
            "envoy", "spokesman", "spokeswoman", "chairman", "director", "premier", "opposition", "interim",
            "commissioner", "judge", "justice", "attorney", "representative", "rep", "officials", "official",
            "top", "former", "acting", "executive", "senior", "treasury", "finance", "defense", "defence", "marine",
            "speaker", "administrator", "assistant", "undersecretary", "sheikh");
    /** What follows a name and says a person did it; a title after capitalised words ends a portfolio instead. */
    static final Set<String> REPORTING = Set.of("said", "says", "told", "added", "who");
    /** What, before a name, says it is a person's: a title, a reporting verb ("said Bob Bannon"). */
    static final Set<String> PERSON_CUES = union(REPORTING, Set.of("president", "minister", "secretary", "leader",
            "mr", "mrs", "ms", "dr", "senator", "governor", "chancellor", "king", "queen", "pope", "counsel", "chief",
            "ambassador", "envoy", "spokesman", "spokeswoman", "chairman", "director", "premier", "counterpart", "un"));
    static final Set<String> ORGANISATION_HEADS = Set.of("council", "ministry", "department", "agency",
            "bank", "corp", "corporation", "inc", "co", "ltd", "plc", "party", "union", "commission", "committee",
            "fund", "embassy", "congress", "senate", "group", "organization", "organisation", "association",
            "institute", "university", "court", "reserve", "exchange", "company", "airlines", "news", "times",
            "post", "parliament", "board", "federation", "service", "administration", "authority", "office",
            "trust", "services", "mines", "mining", "gold", "chemical", "chemicals", "technology", "technologies",
            "industries", "holdings", "systems", "cos", "ag", "nv", "gmbh", "airways", "tv", "television", "radio",
            "network", "broadcasting", "securities", "savings", "bancorp", "bancshares", "financial", "partners",
            "associates", "resources", "petroleum", "oil", "energy", "motors", "electric", "communications",
            "enterprises", "products", "foods", "steel", "metals", "paper", "international", "insurance",
            "investments", "magazine", "journal", "daily", "press", "club", "foundation", "society", "alliance",
            "league", "front", "movement", "assembly", "force", "forces", "army", "navy", "police", "affairs",
            "statistics", "workers");
    /** The first word of an organisation's or a place's name, never a person's: "House Banking", "Santa Fe". */
    static final Set<String> NO_PERSON_LEADS = Set.of("house", "senate", "banque", "banco", "banca", "societe",
            "compagnie", "les", "die", "der", "san", "santa", "st", "saint", "fort", "mount", "port", "lake", "first");
    /** The last word of a place's or a thing's name, not a person's: "Downing Street", "Persian Gulf", "Tax Act". */
    static final Set<String> THING_HEADS = Set.of("street", "road", "avenue", "square", "gulf", "sea", "bay",
            "river", "island", "islands", "lake", "mountains", "valley", "strait", "canal", "coast", "peninsula",
            "county", "province", "city", "port", "harbour", "harbor", "airport", "act", "treaty", "accord", "agreement",
            "plan", "program", "programme", "initiative", "index", "notes", "bonds", "awards", "prize", "cup", "games");
    static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "in", "on", "at", "it", "but",
            "and", "as", "after", "for", "with", "this", "that", "these", "those", "he", "she", "they", "we", "i",
            "his", "her", "their", "our", "its", "there", "when", "while", "if", "so", "yet", "meanwhile", "asked",
            "by", "from", "to", "of", "or", "not", "no", "what", "who", "how", "why", "both", "each", "all", "some",
            "more", "most", "here", "now", "then", "last", "next", "first", "new", "five", "two", "three");
    static final Set<String> CALENDAR = calendarWords();

    private NameWords() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
    }

    private static Set<String> calendarWords() {
        Set<String> words = new HashSet<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            words.add(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        for (Month m : Month.values()) {
            words.add(m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
            words.add(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
