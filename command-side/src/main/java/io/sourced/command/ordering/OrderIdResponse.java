package io.sourced.command.ordering;

import io.sourced.api.ordering.OrderId;

record OrderIdResponse(OrderId orderId) {}
