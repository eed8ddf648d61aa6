package io.sourced.command.inventory;

import io.sourced.api.inventory.ProductId;

record ProductIdResponse(ProductId productId) {}
