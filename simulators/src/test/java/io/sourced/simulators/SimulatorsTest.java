package io.sourced.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class SimulatorsTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void crmTier_isTheSameWithinATwoMinuteWindow_andChangesOverTime() {
        String customer = UUID.randomUUID().toString();
        assertThat(CrmSimulator.tierAt(customer, AT.plusSeconds(119))).isEqualTo(CrmSimulator.tierAt(customer, AT));

        Set<CrmSimulator.Tier> seen = new HashSet<>();
        for (int window = 0; window < 30; window++) {
            seen.add(CrmSimulator.tierAt(customer, AT.plusSeconds(120L * window)));
        }
        assertThat(seen).containsExactlyInAnyOrder(CrmSimulator.Tier.values());
    }

    @Test
    void crmTier_answersATierForAnyCustomerId_and404ForANonId() throws Exception {
        MockMvc crm = MockMvcBuilders.standaloneSetup(new CrmSimulator()).build();

        crm.perform(get("/sim/crm/customers/" + UUID.randomUUID() + "/tier"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").isString());
        crm.perform(get("/sim/crm/customers/nobody/tier")).andExpect(status().isNotFound());
    }

    @Test
    void shipment_sameKeyTwice_isTakenOnce_andAnsweredWithTheFirst() throws Exception {
        MockMvc partner =
                MockMvcBuilders.standaloneSetup(new ShippingSimulator()).build();
        String body = "{\"orderId\":\"o-1\",\"lines\":[{\"productId\":\"p-1\",\"quantity\":2}]}";

        String first = partner.perform(post("/sim/shipping/shipments")
                        .header("Idempotency-Key", "o-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String again = partner.perform(post("/sim/shipping/shipments")
                        .header("Idempotency-Key", "o-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(again).isEqualTo(first);
        partner.perform(get("/sim/shipping/shipments"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].orderId").value("o-1"))
                .andExpect(jsonPath("$[0].lines[0].quantity").value(2));
    }

    @Test
    void shipments_beyondWhatItKeeps_forgetTheEldest() {
        ShippingSimulator partner = new ShippingSimulator();
        List<ShippingSimulator.Line> lines = List.of(new ShippingSimulator.Line("p-1", 1));

        for (int i = 0; i <= ShippingSimulator.KEPT; i++) {
            partner.ship("o-" + i, new ShippingSimulator.ShipmentRequest("o-" + i, lines));
        }

        assertThat(partner.shipments()).hasSize(ShippingSimulator.KEPT);
        assertThat(partner.shipments().get(0).orderId()).isEqualTo("o-1");
        assertThat(partner.shipments().get(ShippingSimulator.KEPT - 1).orderId())
                .isEqualTo("o-" + ShippingSimulator.KEPT);
    }

    @Test
    void shipment_withoutKeyOrLines_isBadRequest() throws Exception {
        MockMvc partner =
                MockMvcBuilders.standaloneSetup(new ShippingSimulator()).build();

        partner.perform(post("/sim/shipping/shipments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":\"o-1\",\"lines\":[{\"productId\":\"p\",\"quantity\":1}]}"))
                .andExpect(status().isBadRequest());
        partner.perform(post("/sim/shipping/shipments")
                        .header("Idempotency-Key", "o-2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":\"o-2\",\"lines\":[]}"))
                .andExpect(status().isBadRequest());
    }
}
