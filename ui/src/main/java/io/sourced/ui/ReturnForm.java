package io.sourced.ui;

import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;

/** The units of each line of an accepted order to return (by product id; none or 0: not that line), and why. */
public class ReturnForm {

    private Map<String, Integer> units = new LinkedHashMap<>();

    @NotBlank(message = "is required")
    private String reason;

    public Map<String, Integer> getUnits() {
        return units;
    }

    public void setUnits(Map<String, Integer> units) {
        this.units = units;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
