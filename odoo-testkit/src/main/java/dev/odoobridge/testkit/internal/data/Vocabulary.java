package dev.odoobridge.testkit.internal.data;

import java.util.List;

/** Fixed, precomputed words the generator combines into names. Immutable. */
final class Vocabulary {

    /**
     * A leaf product category.
     *
     * @param path category names from the top level down (under "All")
     * @param perishable whether its products are lot-tracked with expiry dates
     * @param minPrice lowest list price
     * @param maxPrice highest list price
     * @param packs realistic vendor pack sizes
     * @param items product nouns
     * @param sizes size suffixes
     */
    record Leaf(List<String> path, boolean perishable, double minPrice, double maxPrice, int[] packs,
            String[] items, String[] sizes) {
    }

    static final String ROOT_CATEGORY = "All";

    static final List<Leaf> LEAVES = List.of(
            new Leaf(List.of("Food", "Dairy", "Milk & Yogurt"), true, 0.89, 4.99, new int[] {6, 12},
                    new String[] {"Whole Milk", "Oat Drink", "Greek Yogurt", "Kefir", "Skyr", "Cream",
                        "Buttermilk", "Almond Drink"}, new String[] {"500 ml", "1 L", "2 L", "4 x 125 g"}),
            new Leaf(List.of("Food", "Dairy", "Cheese"), true, 1.99, 12.90, new int[] {6, 12},
                    new String[] {"Gouda", "Cheddar", "Brie", "Mozzarella", "Feta", "Parmesan", "Emmental",
                        "Camembert"}, new String[] {"150 g", "250 g", "400 g", "1 kg"}),
            new Leaf(List.of("Food", "Bakery"), true, 0.49, 5.49, new int[] {1, 6, 12},
                    new String[] {"Sourdough Bread", "Rye Bread", "Croissant", "Bagels", "Baguette",
                        "Brioche", "Cinnamon Roll", "Pita"}, new String[] {"1 pc", "4 pcs", "500 g", "750 g"}),
            new Leaf(List.of("Food", "Fresh Produce"), true, 0.39, 6.99, new int[] {1, 6, 12},
                    new String[] {"Apples", "Bananas", "Tomatoes", "Carrots", "Avocados", "Blueberries",
                        "Spinach", "Lemons"}, new String[] {"250 g", "500 g", "1 kg", "2 kg"}),
            new Leaf(List.of("Food", "Pantry"), false, 0.79, 14.90, new int[] {6, 12, 24},
                    new String[] {"Spaghetti", "Basmati Rice", "Olive Oil", "Tomato Sauce", "Red Lentils",
                        "Wheat Flour", "Peanut Butter", "Honey"}, new String[] {"250 g", "500 g", "1 kg", "750 ml"}),
            new Leaf(List.of("Food", "Beverages"), false, 0.59, 19.90, new int[] {6, 12, 24},
                    new String[] {"Sparkling Water", "Orange Juice", "Cola", "Green Tea", "Coffee Beans",
                        "Ginger Ale", "Iced Tea", "Espresso Pods"}, new String[] {"330 ml", "1 L", "1.5 L", "6 x 330 ml"}),
            new Leaf(List.of("Food", "Snacks"), false, 0.69, 6.49, new int[] {12, 24},
                    new String[] {"Potato Chips", "Dark Chocolate", "Granola Bar", "Salted Peanuts",
                        "Rice Crackers", "Pretzels", "Trail Mix", "Popcorn"}, new String[] {"45 g", "100 g", "175 g", "300 g"}),
            new Leaf(List.of("Household", "Cleaning"), false, 1.49, 15.90, new int[] {6, 12},
                    new String[] {"Dish Soap", "Laundry Detergent", "Glass Cleaner", "Sponges",
                        "Bathroom Cleaner", "Fabric Softener", "Trash Bags", "Descaler"}, new String[] {"500 ml", "1 L", "2 L", "10 pcs"}),
            new Leaf(List.of("Household", "Paper Goods"), false, 1.99, 12.90, new int[] {6, 12},
                    new String[] {"Toilet Paper", "Kitchen Towels", "Napkins", "Tissues", "Baking Paper",
                        "Aluminium Foil"}, new String[] {"4 rolls", "8 rolls", "12 rolls", "100 pcs"}),
            new Leaf(List.of("Personal Care"), false, 1.29, 24.90, new int[] {6, 12, 24},
                    new String[] {"Shampoo", "Toothpaste", "Hand Soap", "Deodorant", "Sunscreen",
                        "Shower Gel", "Body Lotion", "Lip Balm"}, new String[] {"50 ml", "75 ml", "250 ml", "400 ml"}),
            new Leaf(List.of("Pet Supplies"), false, 1.49, 39.90, new int[] {1, 6, 12},
                    new String[] {"Dog Food", "Cat Food", "Cat Litter", "Dog Treats", "Bird Seed",
                        "Chew Toy"}, new String[] {"400 g", "1 kg", "4 kg", "10 kg"}));

    static final String[] BRANDS = {"Alpine", "Bella", "Cedar", "Daily", "Evergreen", "Fjord", "Golden",
        "Harvest", "Island", "Juniper", "Kestrel", "Lumen", "Meadow", "Northway", "Oakridge", "Pioneer",
        "Quarry", "Riverside", "Summit", "Tidal", "Union", "Valley", "Willow", "Yarrow", "Zenith",
        "Blue Hill", "Coastline", "Four Seasons", "Green Acre", "Maple Leaf"};

    static final String[] VARIANTS = {"", "Organic ", "Classic ", "Light ", "Premium ", "Family ",
        "Value ", "Fresh "};

    static final String[] VENDOR_NAMES = {"Nordic Fresh Foods", "Sunrise Dairy Cooperative",
        "Baker Street Wholesale", "Green Valley Produce", "CleanHome Supplies", "Pacific Beverage Co",
        "Pantry Partners", "PetPal Distribution", "Care & Co Cosmetics", "Snack Factory",
        "Metro Cash Traders", "Golden Grain Mills"};

    static final String[] FIRST_NAMES = {"Anna", "Ben", "Clara", "David", "Elena", "Felix", "Grace",
        "Hugo", "Iris", "Jonas", "Kira", "Leo", "Mia", "Noah", "Olivia", "Paul", "Rosa", "Samuel",
        "Tara", "Victor", "Wendy", "Yusuf", "Zoe", "Marco"};

    static final String[] LAST_NAMES = {"Andersen", "Brown", "Costa", "Dubois", "Evans", "Fischer",
        "Garcia", "Hansen", "Ivanova", "Jensen", "Kowalski", "Lopez", "Martin", "Nowak", "Okafor",
        "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Urban", "Visser", "Weber", "Young"};

    static final String[] COMPANY_WORDS = {"Bistro", "Cafe", "Hotel", "Office", "Kindergarten",
        "Catering", "Studio", "Clinic", "Gym", "Restaurant"};

    static final String[] CITIES = {"Springfield", "Riverton", "Lakeside", "Hillview", "Brookfield",
        "Fairmont", "Oakdale", "Westport"};

    static final String[] STREETS = {"Main Street", "Market Square", "Station Road", "Park Avenue",
        "Harbour Lane", "Mill Road", "Church Street", "Elm Way"};

    static final String[] SHOP_NAMES = {"Downtown", "Harbour", "Northgate", "Riverside", "Old Town",
        "Airport", "University", "Westfield"};

    private Vocabulary() {
    }

    /** A lower-case e-mail local or domain part: letters and digits only. */
    static String slug(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
