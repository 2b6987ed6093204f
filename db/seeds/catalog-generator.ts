import type { CatalogProduct, IgvAffectation } from './demo-catalog';

/**
 * Synthetic catalogue generator for benchmarks and search tests.
 * Barcodes: '7759' + 8-digit index + GS1 check digit (the demo catalogue never uses '7759').
 * PLUs: 50000..99999 (the demo catalogue stays below 50000).
 */

type Size = readonly [label: string, factor: number];

interface Template {
  readonly category: string;
  readonly noun: string;
  readonly pre: readonly string[]; // words between noun and brand ('' = none)
  readonly brands: readonly (string | null)[];
  readonly post: readonly string[]; // words after brand ('' = none)
  readonly sizes: readonly Size[];
  readonly min: number; // price range in céntimos for size factor 1
  readonly max: number;
  readonly aff: IgvAffectation;
}

function t(
  category: string,
  noun: string,
  pre: readonly string[],
  brands: readonly (string | null)[],
  post: readonly string[],
  sizes: readonly Size[],
  min: number,
  max: number,
  aff: IgvAffectation = '10',
): Template {
  return { category, noun, pre, brands, post, sizes, min, max, aff };
}

const NONE: readonly string[] = [''];
const NO_BRAND: readonly (string | null)[] = [null];
const BY_WEIGHT: readonly Size[] = [['a Granel', 1]];
const ORIGINS: readonly string[] = [
  '', 'de Huaral', 'de Cañete', 'de Chanchamayo', 'de Huánuco', 'de Arequipa', 'de Piura', 'de Ica', 'de Junín', 'de Cajamarca',
];

// Packaged, taxed goods (gravado).
const GRAVADO: readonly Template[] = [
  t('Abarrotes', 'Arroz', ['Extra', 'Superior', 'Añejo', 'Integral'], ['Costeño', 'Paisana', 'Vallenorte', 'Bells', 'Tottus', 'Faraón'], NONE,
    [['750 g', 0.8], ['1 kg', 1], ['2 kg', 1.95], ['5 kg', 4.8]], 380, 520),
  t('Abarrotes', 'Azúcar', ['Rubia', 'Blanca', 'Impalpable'], ['Cartavio', 'Paisana', 'Bells', 'Casa Grande', 'Tottus'], NONE,
    [['1 kg', 1], ['2 kg', 1.95], ['5 kg', 4.7]], 370, 520),
  t('Abarrotes', 'Aceite Vegetal', NONE, ['Primor', 'Cocinero', 'Ideal', 'Capri', 'Cil', 'Bells'], ['Clásico', 'Premium', 'Soya', 'Girasol'],
    [['500 ml', 0.6], ['900 ml', 1], ['1 L', 1.1], ['5 L', 5]], 850, 1250),
  t('Abarrotes', 'Fideo', ['Spaghetti', 'Tallarín', 'Canuto', 'Codito', 'Tornillo', 'Cabello de Ángel', 'Corbata', 'Macarrón'],
    ['Don Vittorio', 'Molitalia', 'Nicolini', 'Lavaggi', 'Alianza'], NONE, [['250 g', 0.55], ['500 g', 1], ['1 kg', 1.9]], 300, 480),
  t('Abarrotes', 'Atún', ['Filete en Aceite', 'Trozos en Agua', 'Desmenuzado', 'Filete en Agua', 'Trozos en Aceite'],
    ['Florida', 'Campomar', 'Real', 'A-1', 'Bells'], NONE, [['140 g', 1], ['170 g', 1.15], ['3 x 140 g', 2.8]], 450, 800),
  t('Abarrotes', 'Café Instantáneo', NONE, ['Nescafé', 'Kirma', 'Altomayo', 'Cafetal', 'Tottus'], ['Tradición', 'Fina Selección', 'Descafeinado', 'Gourmet'],
    [['50 g', 1], ['100 g', 1.9], ['200 g', 3.6]], 800, 1200),
  t('Abarrotes', 'Mayonesa', NONE, ['Alacena', "Hellmann's", 'Bells', 'Tottus'], ['Clásica', 'Light', 'Picante'],
    [['100 g', 1], ['190 g', 1.8], ['475 g', 4], ['950 g', 7.5]], 250, 320),
  t('Abarrotes', 'Mermelada', NONE, ['Fanny', 'Gloria', 'Tottus', 'Bells'], ['Fresa', 'Piña', 'Durazno', 'Sauco', 'Naranja', 'Aguaymanto'],
    [['320 g', 1], ['1 kg', 2.8]], 550, 750),
  t('Abarrotes', 'Menestra', ['Lenteja', 'Frejol Canario', 'Garbanzo', 'Pallar', 'Frejol Panamito', 'Arveja Partida'],
    ['Costeño', 'Paisana', 'Bells'], NONE, [['500 g', 1], ['1 kg', 1.9]], 400, 800),
  t('Abarrotes', 'Sazonador', ['Comino', 'Pimienta', 'Ají Panca', 'Orégano', 'Palillo', 'Ajo', 'Culantro'],
    ['Sibarita', 'Ajinomoto', 'Tuyo', 'Maggi'], NONE, [['8 g', 1], ['30 g', 3], ['100 g', 8]], 50, 80),
  t('Abarrotes', 'Avena', ['Tradicional', 'Precocida', 'con Kiwicha', 'Quinua y Kiwicha'], ['Quaker', 'Santa Catalina', '3 Ositos', 'Grano de Oro'], NONE,
    [['400 g', 1], ['900 g', 2.1]], 350, 500),
  t('Lácteos', 'Leche Evaporada', NONE, ['Gloria', 'Laive', 'Pura Vida', 'Bells', 'Tottus', 'Ideal'], ['Entera', 'Light', 'Deslactosada', 'Niños', 'Azul'],
    [['170 g', 0.5], ['400 g', 1], ['6 x 400 g', 5.8]], 350, 480),
  t('Lácteos', 'Yogurt', ['Bebible', 'Griego', 'Batido'], ['Gloria', 'Laive', 'Pura Vida', 'Tottus'], ['Fresa', 'Vainilla', 'Durazno', 'Lúcuma', 'Guanábana', 'Natural'],
    [['180 g', 0.28], ['1 kg', 1], ['1.7 kg', 1.55]], 600, 800),
  t('Lácteos', 'Mantequilla', ['con Sal', 'sin Sal'], ['Gloria', 'Laive', 'Anchor', 'La Vaquita'], NONE,
    [['100 g', 0.55], ['200 g', 1], ['400 g', 1.9]], 950, 1200),
  t('Quesos y fiambres', 'Queso', ['Edam Tajado', 'Mozzarella', 'Fresco', 'Andino', 'Parmesano Rallado'], ['Laive', 'Bonlé', 'Gloria', 'Tottus'], NONE,
    [['180 g', 1], ['250 g', 1.3], ['400 g', 2]], 900, 1300),
  t('Quesos y fiambres', 'Jamón', ['de Pavita', 'Inglés', 'del País', 'Serrano'], ['San Fernando', 'Braedt', 'Otto Kunz', 'Laive'], ['Tajado', 'Ahumado', 'Clásico'],
    [['150 g', 1], ['250 g', 1.6]], 800, 1300),
  t('Bebidas', 'Gaseosa', NONE, ['Inca Kola', 'Coca-Cola', 'Fanta', 'Sprite', 'Pepsi', 'Seven Up', 'Guaraná', 'Kola Real', 'Big Cola', 'Concordia'],
    ['Original', 'Sin Azúcar', 'Zero'], [['500 ml', 1], ['1 L', 1.7], ['1.5 L', 2.3], ['2.25 L', 3.1], ['3 L', 4.1]], 180, 290),
  t('Bebidas', 'Agua Mineral', NONE, ['Cielo', 'San Luis', 'San Mateo', 'San Carlos', 'Socosani', 'Vida'], ['Sin Gas', 'Con Gas'],
    [['625 ml', 1], ['1 L', 1.5], ['2.5 L', 2.6], ['7 L', 6]], 100, 190),
  t('Bebidas', 'Néctar', NONE, ['Frugos del Valle', 'Pulp', 'Gloria', "Watt's", 'Laive'], ['Durazno', 'Mango', 'Naranja', 'Manzana', 'Piña', 'Maracuyá'],
    [['235 ml', 1], ['1 L', 3.3], ['1.5 L', 4.6]], 130, 170),
  t('Bebidas', 'Bebida Rehidratante', NONE, ['Gatorade', 'Powerade', 'Sporade', 'Electrolight'], ['Tropical', 'Mandarina', 'Maracuyá', 'Limón', 'Mora Azul'],
    [['500 ml', 1], ['750 ml', 1.4], ['1 L', 1.8]], 200, 350),
  t('Licores', 'Cerveza', NONE, ['Cusqueña', 'Pilsen Callao', 'Cristal', 'Arequipeña', 'Corona', 'Heineken', 'Stella Artois'], ['Dorada', 'Trigo', 'Negra', 'Roja', 'Lager'],
    [['Lata 355 ml', 1], ['Botella 620 ml', 1.6], ['Six Pack 355 ml', 5.6]], 380, 600),
  t('Licores', 'Pisco', ['Quebranta', 'Italia', 'Acholado', 'Torontel'], ['Tabernero', 'Cuatro Gallos', 'Intipalka', 'Queirolo', 'Portón'], NONE,
    [['350 ml', 0.55], ['700 ml', 1], ['3 L', 3.8]], 3000, 6000),
  t('Licores', 'Vino', ['Borgoña', 'Gran Tinto', 'Rosé', 'Semi Seco', 'Malbec', 'Cabernet Sauvignon'], ['Tabernero', 'Santiago Queirolo', 'Tacama', 'Ocucaje', 'Gato Negro'], NONE,
    [['750 ml', 1], ['1.5 L', 1.8]], 1600, 4200),
  t('Limpieza', 'Detergente en Polvo', NONE, ['Ariel', 'Bolívar', 'Opal', 'Marsella', 'Ace', 'Patito'], ['Regular', 'Floral', 'Limón', 'Bebé', 'Ultra', 'Manzana'],
    [['360 g', 0.5], ['750 g', 1], ['2 kg', 2.5], ['4 kg', 4.7]], 800, 1400),
  t('Limpieza', 'Jabón de Lavar', NONE, ['Bolívar', 'Marsella', 'Jumbo', 'Sapolio'], ['Floral', 'Limón', 'Bebé', 'Antibacterial', 'Coco'],
    [['190 g', 1], ['3 x 190 g', 2.8]], 180, 320),
  t('Limpieza', 'Lejía', NONE, ['Clorox', 'Sapolio', 'Bells', 'Tottus'], ['Tradicional', 'Ropa Color', 'Limón', 'Lavanda'],
    [['1 L', 1], ['2 L', 1.8], ['4 L', 3.2]], 300, 480),
  t('Limpieza', 'Papel Higiénico', NONE, ['Elite', 'Suave', 'Paracas', 'Noble', 'Bells'], ['Doble Hoja', 'Triple Hoja', 'Megarrollo', 'Ultra'],
    [['2 rollos', 0.5], ['4 rollos', 1], ['12 rollos', 2.9], ['24 rollos', 5.5]], 450, 650),
  t('Limpieza', 'Limpiatodo', NONE, ['Poett', 'Sapolio', 'Pine-Sol', 'Bells'], ['Lavanda', 'Floral', 'Bebé', 'Limón', 'Primavera'],
    [['900 ml', 1], ['1.8 L', 1.8], ['3.8 L', 3.6]], 400, 800),
  t('Limpieza', 'Lavavajilla', ['en Pasta', 'Líquido'], ['Ayudín', 'Sapolio', 'Bells'], ['Limón', 'Toronja', 'Manzana', 'Aloe Vera'],
    [['180 g', 0.5], ['450 g', 1], ['900 g', 1.9]], 450, 700),
  t('Cuidado personal', 'Shampoo', NONE, ['Sedal', 'Head & Shoulders', 'Pantene', 'Konzil', 'Savital', 'Dove', 'Elvive'],
    ['Ceramidas', 'Control Caspa', 'Restauración', 'Rizos Definidos', 'Liso Perfecto', 'Reparación Total', 'Manzanilla'],
    [['Sachet 18 ml', 0.1], ['200 ml', 0.65], ['340 ml', 1], ['750 ml', 1.9]], 1200, 2000),
  t('Cuidado personal', 'Jabón de Tocador', NONE, ['Protex', 'Dove', 'Camay', 'Neko', 'Heno de Pravia', 'Palmolive', 'Lux'],
    ['Avena', 'Original', 'Aloe Vera', 'Limón', 'Carbón Activado', 'Rosas'], [['90 g', 0.85], ['110 g', 1], ['3 x 110 g', 2.7]], 320, 500),
  t('Cuidado personal', 'Pasta Dental', NONE, ['Colgate', 'Dento', 'Kolynos', 'Oral-B', 'Sensodyne', 'Close Up'],
    ['Triple Acción', 'Blanqueadora', 'Herbal', 'Menta Fresca', 'Protección Caries', 'Carbón'], [['50 ml', 0.7], ['75 ml', 1], ['2 x 75 ml', 1.8]], 350, 1200),
  t('Cuidado personal', 'Desodorante', NONE, ['Rexona', 'Axe', 'Nivea', 'Dove', 'Old Spice', 'Lady Speed Stick', 'Gillette'],
    ['Aerosol Men', 'Aerosol Women', 'Roll-on', 'Barra', 'Clinical'], [['50 ml', 0.7], ['150 ml', 1]], 1100, 1800),
  t('Bebés', 'Pañales', NONE, ['Huggies', 'Babysec', 'Pampers', 'Bells'], ['Active Sec', 'Premium', 'Natural Care', 'Ultrasec', 'Supreme'],
    [['RN 20 und', 0.5], ['P 30 und', 0.7], ['M 40 und', 1], ['G 52 und', 1.25], ['XG 40 und', 1.2], ['XXG 36 und', 1.25]], 3000, 4800),
  t('Bebés', 'Toallitas Húmedas', NONE, ['Huggies', 'Babysec', 'Pampers', "Johnson's", 'Bells'], ['Cuidado 4 en 1', 'Recién Nacido', 'Aloe Vera', 'Sin Fragancia'],
    [['48 und', 1], ['80 und', 1.5], ['3 x 80 und', 4]], 550, 950),
  t('Golosinas y snacks', 'Galletas', ['Soda', 'Vainilla', 'Chocolate', 'Animalitos', 'Integrales', 'Rellenas de Fresa', 'Morochas', 'Mantequilla'],
    ['Field', 'Costa', 'San Jorge', 'Victoria', 'Nabisco'], ['', 'Familiar', 'Clásica', 'Light'], [['34 g', 1], ['6 x 34 g', 5.2], ['12 x 34 g', 10]], 60, 130),
  t('Golosinas y snacks', 'Chocolate', NONE, ['Sublime', 'Triángulo', 'Princesa', "Winter's", 'Costa', "Hershey's", 'Vizzio', 'Nestlé'],
    ['Clásico', 'Almendras', 'Maní', 'Bitter 70%', 'Blanco', 'Crocante'], [['30 g', 1], ['50 g', 1.6], ['100 g', 3]], 120, 250),
  t('Golosinas y snacks', 'Papas', NONE, ["Lay's", 'Inka Chips', 'Pringles', 'Karinto'], ['Clásicas', 'Onduladas', 'Limón', 'Sal de Maras', 'Jamón', 'Queso'],
    [['42 g', 1], ['110 g', 2.3], ['200 g', 4]], 180, 280),
  t('Golosinas y snacks', 'Caramelos', NONE, ['Halls', 'Ambrosoli', 'Arcor', 'Frunas'], ['Menta', 'Limón', 'Fresa', 'Surtidos', 'Miel', 'Eucalipto'],
    [['9 und', 1], ['100 g', 3.5], ['Bolsa 400 g', 12]], 60, 120),
  t('Golosinas y snacks', 'Maní', NONE, ['Karinto', 'Bells', 'Tottus'], ['Salado', 'Confitado', 'Japonés', 'Picante'],
    [['45 g', 1], ['100 g', 2], ['500 g', 8]], 150, 220),
  t('Panadería', 'Pan de Molde', NONE, ['Bimbo', 'Unión', 'Tottus', 'Bells'], ['Blanco', 'Integral', 'Multigrano', 'Sin Corteza', 'Avena'],
    [['400 g', 0.75], ['600 g', 1], ['750 g', 1.2]], 750, 1100),
  t('Panadería', 'Panetón', NONE, ["D'Onofrio", 'Todinno', 'Gloria', 'Motta', 'Buon Natale', 'Bimbo'], ['', 'Chocotón', 'sin Pasas'],
    [['Bolsa 500 g', 0.55], ['Caja 900 g', 1], ['Lata 900 g', 1.4]], 1800, 3200),
  t('Panadería', 'Keke', NONE, ['Bimbo', 'Unión', 'Motta'], ['Marmoleado', 'Naranja', 'Chocolate', 'Plátano', 'Vainilla'],
    [['250 g', 1], ['500 g', 1.8]], 550, 900),
  t('Congelados', 'Helado', NONE, ["D'Onofrio", 'Gloria', 'Artika', 'Lamborgini'], ['Vainilla', 'Chocolate', 'Lúcuma', 'Fresa', 'Ron con Pasas', 'Chicha Morada'],
    [['65 ml', 0.18], ['1 L', 1], ['2 L', 1.8]], 1200, 1700),
  t('Congelados', 'Nuggets de Pollo', NONE, ['San Fernando', 'Redondos', 'Tottus', 'Bells'], ['Clásicos', 'Apanados', 'Picantes'],
    [['400 g', 1], ['1 kg', 2.3]], 1200, 1600),
  t('Mascotas', 'Alimento para Perros', NONE, ['Ricocan', 'Mimaskot', 'Dog Chow', 'Pedigree', 'Canbo'],
    ['Adultos Carne', 'Cachorros', 'Razas Pequeñas', 'Senior', 'Carne y Cereal', 'Pollo y Arroz'], [['1 kg', 1], ['3 kg', 2.8], ['8 kg', 7], ['15 kg', 12.5]], 800, 1300),
  t('Mascotas', 'Alimento para Gatos', NONE, ['Ricocat', 'Whiskas', 'Cat Chow', 'Michu'], ['Pescado', 'Carne', 'Pollo', 'Salmón', 'Gatitos'],
    [['500 g', 0.55], ['1 kg', 1], ['3 kg', 2.7], ['8 kg', 6.8]], 1000, 1400),
  t('Bazar', 'Pilas', NONE, ['Duracell', 'Energizer', 'Panasonic', 'Rayovac'], ['AA', 'AAA', 'C', '9V'], [['2 und', 1], ['4 und', 1.8], ['8 und', 3.3]], 500, 900),
  t('Bazar', 'Vasos Descartables', NONE, ['Bells', 'Tottus', 'Sapolio'], ['7 oz', '9 oz', '12 oz'], [['25 und', 1], ['50 und', 1.9], ['100 und', 3.6]], 250, 400),
];

// Packaged fresh produce, eggs and fish (exonerado in the demo data).
const EXONERADO: readonly Template[] = [
  t('Frutas y verduras', 'Plátano', ['de Seda', 'de Isla', 'Bizcocho', 'Manzano'], NO_BRAND, ORIGINS, [['Mano', 1], ['Bolsa 1 kg', 1.2], ['Bolsa 2 kg', 2.3]], 300, 500, '20'),
  t('Frutas y verduras', 'Papa', ['Amarilla', 'Blanca', 'Huayro', 'Canchán', 'Perricholi', 'Única'], NO_BRAND, ORIGINS,
    [['Malla 1 kg', 1], ['Malla 2 kg', 1.9], ['Saco 5 kg', 4.5]], 200, 550, '20'),
  t('Frutas y verduras', 'Limón', ['Sutil', 'Tahití'], NO_BRAND, ORIGINS, [['Malla 500 g', 1], ['Malla 1 kg', 1.9]], 250, 400, '20'),
  t('Frutas y verduras', 'Manzana', ['Delicia', 'Israel', 'Fuji', 'Verde'], NO_BRAND, ORIGINS, [['Bolsa 1 kg', 1], ['Bandeja 6 und', 1.1]], 450, 800, '20'),
  t('Frutas y verduras', 'Palta', ['Fuerte', 'Hass'], NO_BRAND, ORIGINS, [['Malla 1 kg', 1], ['Bandeja 4 und', 1.1]], 700, 1200, '20'),
  t('Frutas y verduras', 'Tomate', ['Italiano', 'Cherry', 'Redondo'], NO_BRAND, ORIGINS, [['Bandeja 500 g', 0.6], ['Bolsa 1 kg', 1]], 250, 450, '20'),
  t('Frutas y verduras', 'Cebolla', ['Roja', 'Blanca'], NO_BRAND, ORIGINS, [['Malla 1 kg', 1], ['Malla 3 kg', 2.8]], 250, 400, '20'),
  t('Huevos', 'Huevos', ['Rosados', 'Pardos', 'Blancos', 'de Codorniz'], ['La Calera', 'Avinka', 'Redondos', 'Tottus', 'Bells'], NONE,
    [['6 und', 0.4], ['15 und', 1], ['30 und', 1.85]], 900, 1200, '20'),
  t('Pescados y mariscos', 'Filete de', ['Bonito', 'Jurel', 'Perico', 'Trucha', 'Caballa', 'Merluza'], NO_BRAND, ['Fresco', 'Fresco sin Piel'],
    [['Bandeja 500 g', 1], ['Bandeja 1 kg', 1.9]], 600, 1400, '20'),
];

// Periodicals (inafecto in the demo data).
const INAFECTO: readonly Template[] = [
  t('Periódicos y revistas', 'Diario', ['Trome', 'Ojo', 'Depor', 'Correo', 'Perú21', 'La República', 'El Comercio', 'Gestión', 'Expreso', 'El Peruano'], NO_BRAND,
    ['Edición Lima', 'Edición Norte', 'Edición Sur', 'Edición Dominical'], [['', 1]], 80, 400, '30'),
  t('Periódicos y revistas', 'Revista', ['Caretas', 'Somos', 'Hola', 'Cosas', 'Condorito', 'Muy Interesante'], NO_BRAND,
    ['Edición Mensual', 'Edición Especial', 'Coleccionable'], [['', 1]], 500, 2500, '30'),
];

// Sold by weight: price per kg.
const WEIGHED: readonly Template[] = [
  t('Frutas y verduras', '', ['Plátano de Seda', 'Papa Amarilla', 'Papa Blanca', 'Camote Amarillo', 'Yuca', 'Tomate Italiano', 'Cebolla Roja', 'Limón Sutil',
    'Palta Fuerte', 'Manzana Delicia', 'Mandarina', 'Naranja de Jugo', 'Zanahoria', 'Kion', 'Papaya', 'Uva Red Globe'], NO_BRAND, ORIGINS, BY_WEIGHT, 200, 1300, '20'),
  t('Quesos y fiambres', 'Queso', ['Fresco', 'Mantecoso', 'Andino', 'Paria'], NO_BRAND, ORIGINS, BY_WEIGHT, 2200, 3600),
  t('Quesos y fiambres', 'Jamón', ['del País', 'Inglés', 'de Pierna', 'Serrano'], NO_BRAND, ['Artesanal', 'Clásico', 'Ahumado', 'Tajado'], BY_WEIGHT, 3200, 6500),
  t('Carnes y embutidos', '', ['Pollo Entero Fresco', 'Pechuga de Pollo', 'Pierna de Pollo', 'Carne Molida de Res', 'Bistec de Res', 'Chuleta de Cerdo'], NO_BRAND,
    ['', 'Selecto', 'Corte Especial', 'Promoción'], BY_WEIGHT, 1000, 3800),
];

const ENDINGS: readonly number[] = [90, 50, 90, 20, 0, 50, 90, 80, 40, 10];
const PLU_FIRST = 50000;
const PLU_LAST = 99999;
const MAX_COUNT = 99_999_999; // 8-digit barcode index

/** Small, fast, deterministic 32-bit PRNG; shared with the benchmarks. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** EAN-13 '7759' + 8-digit index + GS1 check digit. */
function barcodeFor(index: number): string {
  const data = '7759' + String(index).padStart(8, '0');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (data.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return data + String((10 - (sum % 10)) % 10);
}

function roundPrice(cents: number, ending: number): number {
  const soles = Math.floor(cents / 100);
  const price = soles === 0 ? Math.round(cents / 10) * 10 : soles * 100 + ending;
  return Math.min(50000, Math.max(50, price));
}

/** Deterministic synthetic catalogue of any size (benchmarks: 200000). Same seed -> same output. */
export function generateCatalog(count: number, seed = 1): CatalogProduct[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new RangeError(`count must be an integer in 0..${MAX_COUNT}`);
  }
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const seen = new Map<string, number>(); // base name -> occurrences
  const out: CatalogProduct[] = new Array<CatalogProduct>(count);
  let nextPlu = PLU_FIRST;

  for (let i = 0; i < count; i++) {
    const r = rand();
    const weighed = r < 0.01 && nextPlu <= PLU_LAST;
    const tpl = weighed ? pick(WEIGHED) : r < 0.078 ? pick(EXONERADO) : r < 0.088 ? pick(INAFECTO) : pick(GRAVADO);
    const pre = pick(tpl.pre);
    const brand = pick(tpl.brands);
    const post = pick(tpl.post);
    const size = pick(tpl.sizes);

    let name = tpl.noun;
    if (pre) name = name ? name + ' ' + pre : pre;
    if (brand) name += ' ' + brand;
    if (post) name += ' ' + post;
    if (size[0]) name += ' ' + size[0];

    // Unique names: repeat bases get a lot suffix.
    const dup = seen.get(name) ?? 0;
    seen.set(name, dup + 1);
    if (dup > 0) name += ' Lote ' + (dup + 1);

    const base = tpl.min + rand() * (tpl.max - tpl.min);
    const priceCents = roundPrice(base * size[1], ENDINGS[Math.floor(rand() * ENDINGS.length)] ?? 90);

    out[i] = {
      sku: 'GEN-' + String(i + 1).padStart(7, '0'),
      name,
      brand,
      category: tpl.category,
      unit: weighed ? 'KGM' : 'NIU',
      priceCents,
      igvAffectation: tpl.aff,
      icbper: false,
      barcodes: [barcodeFor(i + 1)],
      plu: weighed ? String(nextPlu++) : null,
    };
  }
  return out;
}
