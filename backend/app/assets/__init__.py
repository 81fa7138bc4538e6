"""The user's own pictures: uploads checked and cleaned (`intake`), products cut out (`cutout`)."""
