package org.newsroom.ingest.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsroom.contracts.Dateline;

class DatelinesTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Moscow (AFP) –                                          | Moscow           | AFP
            NEW YORK (AP) — The gas produced by hog manure          | New York         | AP
            GROSSETO, Italy (AP) -- The trial of the captain        | Grosseto, Italy  | AP
            AKRON, Ohio, March 26 - Goodyear said on Thursday       | Akron, Ohio      | -
            BERLIN, July 5 (Reuters) - Germany's economy grew       | Berlin           | Reuters
            SYDNEY March 22 AAP - Shares rose                       | Sydney           | AAP
            FORT WASHINGTON, Pa. (AP) _ Nutrisystem Inc. reported   | Fort Washington, Pa. | AP
            LONDON - Prices fell                                    | London           | -
            """)
    void readsPlaceAndAgency(String text, String location, String agency) {
        assertThat(Datelines.at(text)).get().extracting(Datelines.Found::dateline).isEqualTo(new Dateline(location, agency));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The meeting (in Finland) - as planned - went ahead
            Russia (Interfax news agency) - said Lavrov
            US Secretary of State Mike Pompeo will have plenty to talk about
            "It's clear," Ryabkov said - according to reports
            """)
    void findsNoDatelineInOrdinaryProse(String text) {
        assertThat(Datelines.at(text).map(Datelines.Found::dateline).map(Dateline::agency)).isEmpty();
    }
}
