/** The model registry: trained models' records in PostgreSQL and their parameter files. */
package com.alphaquant.model.registry;
